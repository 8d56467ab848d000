/** Cuts text into pieces of `size` characters, counted in code points so no emoji is split. */
export function splitIntoChunks(text: string, size: number): string[] {
  const characters = Array.from(text);
  const step = Math.max(1, Math.floor(size));
  const chunks: string[] = [];
  for (let start = 0; start < characters.length; start += step) chunks.push(characters.slice(start, start + step).join(''));
  return chunks;
}
