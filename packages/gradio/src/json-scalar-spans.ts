import { jsonStringEnd } from './json-token-end.js';

/** A scalar token of a JSON text: where it is in the text, and where in the value. */
export interface ScalarSpan {
  kind: 'string' | 'number' | 'literal';
  start: number;
  end: number;
  /** Keys and indices from the root to the token. */
  path: (string | number)[];
  /** The token is the value of an object member (not a list item, not the root). */
  memberValue: boolean;
}

const maximumDepth = 32;

/**
 * The scalar tokens of `text`, which must be valid JSON (it was parsed already), in text
 * order. Null when the text would be ambiguous to map back to its parsed value (an object
 * repeats a key) or is nested deeper than 32 levels.
 */
export function jsonScalarSpans(text: string): ScalarSpan[] | null {
  const spans: ScalarSpan[] = [];
  const path: (string | number)[] = [];
  let position = 0;

  const skipWhitespace = () => {
    for (let code = text.charCodeAt(position); code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09; code = text.charCodeAt(position)) {
      position++;
    }
  };
  /** Reads one value; returns false when the text is not one this function maps. */
  const readValue = (memberValue: boolean): boolean => {
    skipWhitespace();
    const code = text.charCodeAt(position);
    if (code === 0x7b) return readObject();
    if (code === 0x5b) return readList();
    const start = position;
    let kind: ScalarSpan['kind'];
    if (code === 0x22) {
      position = jsonStringEnd(text, position);
      if (position < 0) return false;
      kind = 'string';
    } else {
      while (position < text.length && !isDelimiter(text.charCodeAt(position))) position++;
      kind = code === 0x74 || code === 0x66 || code === 0x6e ? 'literal' : 'number';
    }
    spans.push({ kind, start, end: position, path: [...path], memberValue });
    return true;
  };
  const readObject = (): boolean => {
    if (path.length >= maximumDepth) return false;
    position++;
    skipWhitespace();
    if (text.charCodeAt(position) === 0x7d) {
      position++;
      return true;
    }
    const keys = new Set<string>();
    for (;;) {
      skipWhitespace();
      const keyEnd = jsonStringEnd(text, position);
      if (keyEnd < 0) return false;
      const key = JSON.parse(text.slice(position, keyEnd)) as string;
      if (keys.has(key)) return false;
      keys.add(key);
      position = keyEnd;
      skipWhitespace();
      position++;
      path.push(key);
      if (!readValue(true)) return false;
      path.pop();
      skipWhitespace();
      if (text.charCodeAt(position++) === 0x7d) return true;
    }
  };
  const readList = (): boolean => {
    if (path.length >= maximumDepth) return false;
    position++;
    skipWhitespace();
    if (text.charCodeAt(position) === 0x5d) {
      position++;
      return true;
    }
    for (let index = 0; ; index++) {
      path.push(index);
      if (!readValue(false)) return false;
      path.pop();
      skipWhitespace();
      if (text.charCodeAt(position++) === 0x5d) return true;
    }
  };

  if (!readValue(false)) return null;
  skipWhitespace();
  return position === text.length ? spans : null;
}

function isDelimiter(code: number): boolean {
  return code === 0x2c || code === 0x7d || code === 0x5d || code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
