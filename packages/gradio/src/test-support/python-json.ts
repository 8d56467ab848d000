/**
 * JSON as Python's `json.dumps` writes it by default (Gradio before 4.24): `", "` and `": "`
 * separators and every non-ASCII character escaped as `\uXXXX` (astral ones as surrogate pairs).
 */
export function pythonJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${escapeString(key)}: ${pythonJsonDumps(item)}`);
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string') return escapeString(value);
  return JSON.stringify(value);
}

function escapeString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An SSE body with one `data: <json>` event per message, as Gradio frames them. */
export function sseBody(messages: readonly unknown[], encode: (message: unknown) => string = JSON.stringify): string {
  return messages.map((message) => `data: ${encode(message)}\n\n`).join('');
}
