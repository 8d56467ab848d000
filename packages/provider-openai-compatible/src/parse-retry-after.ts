import type { IncomingHttpHeaders } from 'node:http';

/**
 * The delay an upstream asks for before a retry, in milliseconds: `retry-after-ms`
 * (milliseconds, fractions allowed) first, then `retry-after` (seconds, or an HTTP date).
 * `undefined` when neither is present or readable.
 */
export function parseRetryAfter(headers: IncomingHttpHeaders, now = Date.now()): number | undefined {
  const milliseconds = numberIn(first(headers['retry-after-ms']));
  if (milliseconds !== undefined) return Math.round(milliseconds);
  const value = first(headers['retry-after']);
  if (value === undefined) return undefined;
  const seconds = numberIn(value);
  if (seconds !== undefined) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function numberIn(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}
