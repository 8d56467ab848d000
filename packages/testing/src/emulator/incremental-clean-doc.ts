import { cleanDoc, hasContent, stripLeadingWhitespace } from './clean-doc.js';

/** The tidied text after one append, and the suffix added when it merely extends the previous text. */
export interface CleanDocUpdate {
  text: string;
  /** `undefined` when the text may have been rewritten (compare to find out). */
  appended: string | undefined;
}

/**
 * Keeps `cleanDoc(raw)` of a growing text. Appends that stay on a line which already has
 * content (and hold no newline or tab) cost O(token); anything else recomputes the whole text.
 */
export class IncrementalCleanDoc {
  private raw = '';
  private text = '';
  private onFirstLine = true;
  private lastLineHasContent = false;

  constructor(private readonly tidy: boolean) {}

  append(token: string): CleanDocUpdate {
    if (!this.tidy) {
      this.text += token;
      return { text: this.text, appended: token };
    }
    this.raw += token;
    if (!token.includes('\n') && !token.includes('\t')) {
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
    this.text = cleanDoc(this.raw);
    const lastLineStart = this.raw.lastIndexOf('\n') + 1;
    this.onFirstLine = lastLineStart === 0;
    this.lastLineHasContent = hasContent(this.raw.slice(lastLineStart));
    return { text: this.text, appended: undefined };
  }
}
