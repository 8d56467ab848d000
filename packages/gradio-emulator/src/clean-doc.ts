const pythonWhitespace = new Set([
  ' ', '\t', '\n', '\v', '\f', '\r', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0', '\u1680',
  '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008',
  '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000',
]);

/** True when `text` holds a character Python does not count as whitespace. */
export function hasContent(text: string): boolean {
  for (const character of text) if (!pythonWhitespace.has(character)) return true;
  return false;
}

/** Python's `str.lstrip()`. */
export function stripLeadingWhitespace(text: string): string {
  return text.slice(leadingWhitespaceLength(text));
}

/** True when a line after the first starts with content, so that `cleanDoc` removes no indentation. */
export function hasFlushLeftLine(text: string): boolean {
  let lineStart = text.indexOf('\n') + 1;
  while (lineStart > 0) {
    if (lineStart < text.length && !pythonWhitespace.has(text[lineStart]) && text[lineStart] !== '\n') return true;
    lineStart = text.indexOf('\n', lineStart) + 1;
  }
  return false;
}

function leadingWhitespaceLength(line: string): number {
  let length = 0;
  while (length < line.length && pythonWhitespace.has(line[length])) length++;
  return length;
}

/** Python's `str.expandtabs(8)`: columns restart after `\n` and `\r`. */
export function expandTabs(text: string, tabSize = 8): string {
  if (!text.includes('\t')) return text;
  let expanded = '';
  let column = 0;
  for (const character of text) {
    if (character === '\t') {
      const spaces = tabSize - (column % tabSize);
      expanded += ' '.repeat(spaces);
      column += spaces;
    } else {
      expanded += character;
      column = character === '\n' || character === '\r' ? 0 : column + 1;
    }
  }
  return expanded;
}

/**
 * Python's `inspect.cleandoc`, which Gradio's Chatbot applies to every chat string: tabs
 * expanded, the first line's leading whitespace removed, the common indentation of the other
 * (non-blank) lines removed, empty lines at both ends dropped.
 */
export function cleanDoc(text: string): string {
  const lines = expandTabs(text).split('\n');
  let margin = Number.POSITIVE_INFINITY;
  for (const line of lines.slice(1)) {
    const indent = leadingWhitespaceLength(line);
    if (indent < line.length) margin = Math.min(margin, indent);
  }
  lines[0] = stripLeadingWhitespace(lines[0]);
  if (margin !== Number.POSITIVE_INFINITY) {
    for (let index = 1; index < lines.length; index++) lines[index] = lines[index].slice(margin);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines.join('\n');
}
