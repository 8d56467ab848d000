import { cleanDoc, hasContent, hasFlushLeftLine, stripLeadingWhitespace } from './clean-doc.js';

/** The tidied text after one append, and the suffix added when it merely extends the previous text. */
export interface CleanDocUpdate {
  text: string;
  /** `undefined` when the text may have been rewritten (compare to find out). */
  appended: string | undefined;
}

const lineFeed = 0x0a;

/**
 * Keeps `cleanDoc(raw)` of a growing text in O(token) per append once a line after the first
 * starts with content (no indentation is common any more, so the text only grows at its end),
 * and before that for appends that stay on a line which already has content. Anything else,
 * and every token holding a tab, recomputes the whole text.
 */
export class IncrementalCleanDoc {
  private raw = '';
  private text = '';
  private onFirstLine = true;
  private lastLineHasContent = false;
  private flushLeft = false;
  /** Newlines ending the raw text, which the tidied text leaves out until content follows them. */
  private heldNewlines = '';

  constructor(private readonly tidy: boolean) {}

  append(token: string): CleanDocUpdate {
    if (!this.tidy) {
      this.text += token;
      return { text: this.text, appended: token };
    }
    this.raw += token;
    if (token.includes('\t')) return this.recompute();
    if (this.flushLeft) return this.extend(token);
    if (!token.includes('\n')) {
      if (this.onFirstLine) {
        const suffix = this.text === '' ? stripLeadingWhitespace(token) : token;
        this.text += suffix;
        return { text: this.text, appended: suffix };
      }
      if (this.lastLineHasContent) {
        this.text += token;
        return { text: this.text, appended: token };
      }
    }
    return this.recompute();
  }

  private extend(token: string): CleanDocUpdate {
    const added = this.heldNewlines + token;
    let end = added.length;
    while (end > 0 && added.charCodeAt(end - 1) === lineFeed) end--;
    this.heldNewlines = added.slice(end);
    const appended = added.slice(0, end);
    this.text += appended;
    return { text: this.text, appended };
  }

  private recompute(): CleanDocUpdate {
    const raw = this.raw;
    this.text = cleanDoc(raw);
    const lastLineStart = raw.lastIndexOf('\n') + 1;
    this.onFirstLine = lastLineStart === 0;
    this.lastLineHasContent = hasContent(raw.slice(lastLineStart));
    this.flushLeft = hasFlushLeftLine(raw);
    let end = raw.length;
    while (end > 0 && raw.charCodeAt(end - 1) === lineFeed) end--;
    this.heldNewlines = raw.slice(end);
    return { text: this.text, appended: undefined };
  }
}
