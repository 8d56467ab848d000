/**
 * One line for standard error: `CODE: message`, with the error's `code` (a Switchboard
 * code, or e.g. `EADDRINUSE`), `ERROR` when it has none, and only the message's first line.
 */
export function formatError(error: unknown): string {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'ERROR';
  const message = error instanceof Error ? error.message : String(error);
  return `${code}: ${message.split('\n')[0]}`;
}
