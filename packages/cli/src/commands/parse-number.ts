import { InvalidArgumentError } from 'commander';

/** Parses a TCP port (0 picks a free one); for commander options. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('give a port number from 0 to 65535 (0 picks a free port).');
  return port;
}

/** Parses a whole number of milliseconds, zero or more; for commander options. */
export function parseMilliseconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('give a whole number of milliseconds.');
  return Number(value);
}
