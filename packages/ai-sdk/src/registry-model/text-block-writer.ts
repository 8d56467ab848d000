import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { TextDeltaPart, TextRevisionPart } from '@switchboard/core';

/**
 * Writes Switchboard text parts as AI SDK text blocks, whose deltas can only append. A delta
 * appends to the open block. A revision that extends the text sent so far becomes a delta of
 * the new suffix. A revision that rewrites sent text closes the block with
 * `providerMetadata.switchboard.superseded: true` and opens a new one holding the whole
 * revised answer (`providerMetadata.switchboard.replaces` names the old block): the last
 * text block is therefore always the exact answer so far.
 */
export class TextBlockWriter {
  #blockNumber = 0;
  #open = false;
  /** The answer so far; while a block is open, exactly what that block holds. */
  #text = '';
  #revised = false;

  /** The answer so far, every revision applied. */
  get text(): string {
    return this.#text;
  }

  /** Whether a revision rewrote text that had already been sent. */
  get revised(): boolean {
    return this.#revised;
  }

  write(part: TextDeltaPart | TextRevisionPart): LanguageModelV4StreamPart[] {
    if (part.type === 'text-delta') return this.#append(part.text);
    if (part.text.startsWith(this.#text)) return this.#append(part.text.slice(this.#text.length));
    this.#revised = true;
    const replaced = this.#id();
    const parts = this.close({ switchboard: { superseded: true } });
    this.#blockNumber += 1;
    this.#text = '';
    return [...parts, ...this.#append(part.text, { switchboard: { replaces: replaced } })];
  }

  /** Ends the open block, if any. */
  close(providerMetadata?: { switchboard: Record<string, string | boolean> }): LanguageModelV4StreamPart[] {
    if (!this.#open) return [];
    this.#open = false;
    return [{ type: 'text-end', id: this.#id(), ...(providerMetadata === undefined ? {} : { providerMetadata }) }];
  }

  #append(text: string, providerMetadata?: { switchboard: Record<string, string> }): LanguageModelV4StreamPart[] {
    if (text === '') return [];
    const parts: LanguageModelV4StreamPart[] = [];
    if (!this.#open) {
      this.#open = true;
      parts.push({ type: 'text-start', id: this.#id(), ...(providerMetadata === undefined ? {} : { providerMetadata }) });
    }
    this.#text += text;
    parts.push({ type: 'text-delta', id: this.#id(), delta: text });
    return parts;
  }

  #id(): string {
    return `text-${this.#blockNumber}`;
  }
}
