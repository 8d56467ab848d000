/** Cuts `text` into chunks of `size` characters (code points, so no surrogate pair is split); the last may be shorter. */
export function splitText(text: string, size: number): string[] {
  const characters = Array.from(text);
  const chunkSize = Math.max(1, Math.floor(size));
  const chunks: string[] = [];
  for (let index = 0; index < characters.length; index += chunkSize) {
    chunks.push(characters.slice(index, index + chunkSize).join(''));
  }
  return chunks;
}
