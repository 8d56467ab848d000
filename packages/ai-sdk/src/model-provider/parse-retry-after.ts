/**
 * The delay an upstream asked for, in milliseconds, from AI SDK response headers:
 * `retry-after-ms` (milliseconds) first, then `retry-after` (seconds, or an HTTP date).
 * `undefined` when neither is present or readable.
 */
export function parseRetryAfter(headers: Readonly<Record<string, string>> | undefined, now = Date.now()): number | undefined {
  if (headers === undefined) return undefined;
  const header = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]?.trim();
  const milliseconds = Number(header('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = header('retry-after');
  if (retryAfter === undefined || retryAfter === '') return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
