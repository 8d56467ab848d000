/** A body read as text, up to a bound. */
export interface BodyText {
  text: string;
  /** True when the body was longer than the bound; `text` then holds only its start. */
  truncated: boolean;
}

/** Reads at most `limitBytes` of a body as UTF-8 text and stops there; a failure of the body is thrown. */
export async function readBodyText(body: AsyncIterable<Uint8Array>, limitBytes: number): Promise<BodyText> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    length += chunk.length;
    if (length > limitBytes) break;
  }
  const bytes = Buffer.concat(chunks);
  return { text: bytes.toString('utf8', 0, Math.min(length, limitBytes)), truncated: length > limitBytes };
}
