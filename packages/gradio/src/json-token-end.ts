const quote = 0x22;
const backslash = 0x5c;
const minus = 0x2d;
const plus = 0x2b;
const zero = 0x30;
const nine = 0x39;
const dot = 0x2e;
const lowerE = 0x65;
const upperE = 0x45;
const lowerU = 0x75;

/** Where the valid JSON string literal starting at `start` ends (after its closing quote), or -1. */
export function jsonStringEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== quote) return -1;
  const length = text.length;
  let position = start + 1;
  while (position < length) {
    const code = text.charCodeAt(position);
    if (code === quote) return position + 1;
    if (code < 0x20) return -1;
    if (code === backslash) {
      const escaped = text.charCodeAt(position + 1);
      if (escaped === lowerU) {
        for (let digit = position + 2; digit < position + 6; digit++) if (!isHexDigit(text.charCodeAt(digit))) return -1;
        position += 6;
        continue;
      }
      if (!isShortEscape(escaped)) return -1;
      position += 2;
      continue;
    }
    position++;
  }
  return -1;
}

/** Where the valid JSON number starting at `start` ends, or -1. */
export function jsonNumberEnd(text: string, start: number): number {
  let position = start;
  if (text.charCodeAt(position) === minus) position++;
  const first = text.charCodeAt(position);
  if (first === zero) position++;
  else if (first > zero && first <= nine) position = digitsEnd(text, position + 1);
  else return -1;
  if (text.charCodeAt(position) === dot) {
    const fractionEnd = digitsEnd(text, position + 1);
    if (fractionEnd === position + 1) return -1;
    position = fractionEnd;
  }
  const exponent = text.charCodeAt(position);
  if (exponent === lowerE || exponent === upperE) {
    position++;
    const sign = text.charCodeAt(position);
    if (sign === plus || sign === minus) position++;
    const exponentEnd = digitsEnd(text, position);
    if (exponentEnd === position) return -1;
    position = exponentEnd;
  }
  return position;
}

function digitsEnd(text: string, start: number): number {
  let position = start;
  for (let code = text.charCodeAt(position); code >= zero && code <= nine; code = text.charCodeAt(position)) position++;
  return position;
}

function isHexDigit(code: number): boolean {
  return (code >= zero && code <= nine) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function isShortEscape(code: number): boolean {
  // " \ / b f n r t
  return code === quote || code === backslash || code === 0x2f || code === 0x62 || code === 0x66 || code === 0x6e || code === 0x72 || code === 0x74;
}
