/** One fenced code block of a Markdown document. */
export interface MarkdownCodeBlock {
  /** The first word of the fence's info string, lower-cased; `''` when the fence has none. */
  language: string;
  /** The lines between the fences, the opening fence's indentation removed. */
  content: string;
  /** 1-based line number of the opening fence. */
  line: number;
  /** The nearest non-blank line before the opening fence, trimmed; `''` at the top of the document. */
  precedingLine: string;
}

const openingFence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;

/**
 * The fenced code blocks of a Markdown document, in order. Fences may be indented (inside
 * list items); a block ends at a fence of the same character at least as long as its opening
 * one, or at the end of the document.
 */
export function markdownCodeBlocks(markdown: string): MarkdownCodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: MarkdownCodeBlock[] = [];
  let precedingLine = '';
  for (let index = 0; index < lines.length; index += 1) {
    const opening = openingFence.exec(lines[index]!);
    if (opening === null) {
      if (lines[index]!.trim() !== '') precedingLine = lines[index]!.trim();
      continue;
    }
    const [, indent = '', fence = '', info = ''] = opening;
    const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const content: string[] = [];
    const start = index;
    for (index += 1; index < lines.length && !closing.test(lines[index]!); index += 1) {
      content.push(stripIndent(lines[index]!, indent.length));
    }
    blocks.push({ language: info.toLowerCase(), content: content.join('\n'), line: start + 1, precedingLine });
    precedingLine = '';
  }
  return blocks;
}

function stripIndent(line: string, width: number): string {
  let removed = 0;
  while (removed < width && line[removed] === ' ') removed += 1;
  return line.slice(removed);
}
