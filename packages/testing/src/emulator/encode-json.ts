import { PythonFloat } from './python-float.js';

/**
 * `python`: `json.dumps` defaults (`", "` and `": "` separators, every non-ASCII character
 * escaped as `\uXXXX`, astral ones as surrogate pairs). `compact`: orjson (no spaces, raw UTF-8).
 */
export type JsonStyle = 'python' | 'compact';

const shortEscapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function unicodeEscape(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

const escapedInStyle: Record<JsonStyle, RegExp> = {
  python: /["\\\u0000-\u001f\u007f-\uffff]/,
  compact: /["\\\u0000-\u001f\ud800-\udfff]/,
};

function encodeString(text: string, style: JsonStyle): string {
  if (!escapedInStyle[style].test(text)) return `"${text}"`;
  let encoded = '"';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    const codeUnit = text.charCodeAt(index);
    const short = shortEscapes[character];
    if (short !== undefined) encoded += short;
    else if (codeUnit < 0x20) encoded += unicodeEscape(codeUnit);
    else if (style === 'python' && codeUnit > 0x7e) encoded += unicodeEscape(codeUnit);
    else if (style === 'compact' && codeUnit >= 0xd800 && codeUnit <= 0xdfff) {
      const isPair =
        codeUnit <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
      if (isPair) {
        encoded += text.slice(index, index + 2);
        index++;
      } else encoded += unicodeEscape(codeUnit);
    } else encoded += character;
  }
  return `${encoded}"`;
}

/**
 * Serialises a message the way the emulated server does. Object keys keep insertion order;
 * wrap Python floats in {@link PythonFloat}.
 */
export function encodeJson(value: unknown, style: JsonStyle): string {
  const itemSeparator = style === 'python' ? ', ' : ',';
  const keySeparator = style === 'python' ? ': ' : ':';
  const encode = (item: unknown): string => {
    if (item === null || item === undefined) return 'null';
    if (item instanceof PythonFloat) return item.toString();
    if (typeof item === 'string') return encodeString(item, style);
    if (typeof item === 'number') return Number.isFinite(item) ? String(item) : 'null';
    if (typeof item === 'boolean') return item ? 'true' : 'false';
    if (Array.isArray(item)) return `[${item.map(encode).join(itemSeparator)}]`;
    if (typeof item === 'object') {
      const entries = Object.entries(item).filter(([, entry]) => entry !== undefined);
      const members = entries.map(([key, entry]) => `${encodeString(key, style)}${keySeparator}${encode(entry)}`);
      return `{${members.join(itemSeparator)}}`;
    }
    return 'null';
  };
  return encode(value);
}
