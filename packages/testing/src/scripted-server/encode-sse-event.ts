/**
 * Frames one event as it goes on the wire: optional `event:` and `id:` lines, one `data:` line
 * per line of the data, then a blank line. A string is sent as is; any other value as JSON.
 */
export function encodeSseEvent(data: unknown, fields: { event?: string; id?: string } = {}): string {
  const payload = typeof data === 'string' ? data : (JSON.stringify(data) ?? 'null');
  let frame = '';
  if (fields.event !== undefined) frame += `event: ${fields.event}\n`;
  if (fields.id !== undefined) frame += `id: ${fields.id}\n`;
  for (const line of payload.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
  return `${frame}\n`;
}

/** Frames a comment (`: text` per line, then a blank line); clients ignore it. */
export function encodeSseComment(comment: string): string {
  return `${comment
    .split(/\r\n|\r|\n/)
    .map((line) => `: ${line}\n`)
    .join('')}\n`;
}
