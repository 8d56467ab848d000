import type { DiffEdit, DiffPath } from './gradio-event.js';
import { jsonScalarSpans, type ScalarSpan } from './json-scalar-spans.js';
import { jsonNumberEnd, jsonStringEnd } from './json-token-end.js';

/**
 * The text of a diff message that appends to one output, with holes where the next such
 * message may differ: the appended text, and the numbers that are values of object members
 * (timings). A streamed answer arrives as thousands of these, each differing from the last
 * only there.
 *
 * `match` reads a message of the same shape without `JSON.parse`, and still only accepts
 * valid JSON: every byte outside the holes equals the learned message, which `JSON.parse`
 * accepted, and each hole holds a complete, valid token of the same kind as the learned
 * one. Anything else is left to the caller's full parse.
 */
export class AppendTemplate {
  readonly #segments: string[];
  readonly #holeIsText: boolean[];
  readonly #outputCount: number;
  readonly #outputIndex: number;
  readonly #path: DiffPath;
  /** The message's `output.is_generating`, the same for every message matching it. */
  readonly isGenerating: boolean;

  private constructor(segments: string[], holeIsText: boolean[], outputCount: number, outputIndex: number, path: DiffPath, isGenerating: boolean) {
    this.#segments = segments;
    this.#holeIsText = holeIsText;
    this.#outputCount = outputCount;
    this.#outputIndex = outputIndex;
    this.#path = path;
    this.isGenerating = isGenerating;
  }

  /**
   * The template of `text`, a message JSON.parse accepted, whose `output.data` is `diffs`
   * (already applied, so valid) with one `append` edit in all, or null for any other message.
   */
  static learn(text: string, diffs: readonly unknown[], isGenerating: boolean): AppendTemplate | null {
    let outputIndex = -1;
    for (let index = 0; index < diffs.length; index++) {
      const edits = diffs[index] as unknown[];
      if (edits.length === 0) continue;
      if (edits.length > 1 || outputIndex !== -1) return null;
      outputIndex = index;
    }
    if (outputIndex === -1) return null;
    const edit = (diffs[outputIndex] as DiffEdit[])[0]!;
    if (edit[0] !== 'append' || typeof edit[2] !== 'string') return null;
    const spans = jsonScalarSpans(text);
    if (spans === null) return null;
    const isAppendedText = (span: ScalarSpan) =>
      span.kind === 'string' &&
      span.path.length === 5 &&
      span.path[0] === 'output' &&
      span.path[1] === 'data' &&
      span.path[2] === outputIndex &&
      span.path[3] === 0 &&
      span.path[4] === 2;
    const segments: string[] = [];
    const holeIsText: boolean[] = [];
    let segmentStart = 0;
    for (const span of spans) {
      const isText = isAppendedText(span);
      if (!isText && !(span.kind === 'number' && span.memberValue)) continue;
      segments.push(text.slice(segmentStart, span.start));
      holeIsText.push(isText);
      segmentStart = span.end;
    }
    segments.push(text.slice(segmentStart));
    if (holeIsText.filter(Boolean).length !== 1) return null;
    return new AppendTemplate(segments, holeIsText, diffs.length, outputIndex, [...edit[1]], isGenerating);
  }

  /** The appended text of `text` when it is a message of this shape, else undefined. */
  match(text: string): string | undefined {
    const segments = this.#segments;
    const holeIsText = this.#holeIsText;
    let position = 0;
    let appended: string | undefined;
    for (let hole = 0; hole < holeIsText.length; hole++) {
      const segment = segments[hole]!;
      if (!sameText(text, position, segment)) return undefined;
      position += segment.length;
      if (holeIsText[hole]) {
        const end = jsonStringEnd(text, position);
        if (end < 0) return undefined;
        appended = stringValue(text, position, end);
        position = end;
      } else {
        position = jsonNumberEnd(text, position);
        if (position < 0) return undefined;
      }
    }
    const last = segments[holeIsText.length]!;
    return position + last.length === text.length && sameText(text, position, last) ? appended : undefined;
  }

  /** Fresh diffs equal to the `output.data` of a matching message that appended `appended`. */
  diffsFor(appended: string): DiffEdit[][] {
    const diffs: DiffEdit[][] = [];
    for (let index = 0; index < this.#outputCount; index++) {
      diffs.push(index === this.#outputIndex ? [['append', this.#path.slice(), appended]] : []);
    }
    return diffs;
  }
}

/** Whether `segment` occurs in `text` at `position`; `indexOf` compares in bulk, unlike `startsWith`. */
function sameText(text: string, position: number, segment: string): boolean {
  return text.indexOf(segment, position) === position;
}

/** Longest slice V8 copies; a longer one shares the memory of the string it was cut from. */
const longestCopiedSlice = 12;

/**
 * The value of the valid string literal `text[start, end)`, as a string of its own: a long
 * slice would keep the whole chunk `text` was cut from alive for as long as the answer lives.
 */
function stringValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  if (inner.length <= longestCopiedSlice && !inner.includes('\\')) return inner;
  return JSON.parse(text.slice(start, end)) as string;
}
