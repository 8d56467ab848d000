import { PythonFloat } from './python-float.js';

/**
 * How the emulated server writes JSON. `python`: `json.dumps` defaults, as Gradio wrote before
 * 4.24 (`", "` and `": "` separators, every non-ASCII character escaped as `\uXXXX`, astral
 * ones as surrogate pairs). `compact`: orjson, as Gradio writes since (no spaces, raw UTF-8).
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

const needsEscapes: Record<JsonStyle, RegExp> = {
  python: /["\\\u0000-\u001f\u007f-\uffff]/,
  compact: /["\\\u0000-\u001f\ud800-\udfff]/,
};

function unicodeEscape(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

function isSurrogatePairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  return high >= 0xd800 && high <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
}

function encodeString(text: string, style: JsonStyle): string {
  if (!needsEscapes[style].test(text)) return `"${text}"`;
  let encoded = '"';
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const codeUnit = text.charCodeAt(index);
    const short = shortEscapes[character];
    if (short !== undefined) encoded += short;
    else if (codeUnit < 0x20) encoded += unicodeEscape(codeUnit);
    else if (style === 'python' && codeUnit > 0x7e) encoded += unicodeEscape(codeUnit);
    else if (style === 'compact' && codeUnit >= 0xd800 && codeUnit <= 0xdfff) {
      // orjson writes a well-formed pair as UTF-8 and escapes a lone surrogate.
      if (isSurrogatePairAt(text, index)) {
        encoded += text.slice(index, index + 2);
        index++;
      } else encoded += unicodeEscape(codeUnit);
    } else encoded += character;
  }
  return `${encoded}"`;
}

/**
 * Serialises a value the way a Gradio server does in `style`. Object keys keep insertion
 * order and `undefined` members are left out; wrap numbers the server holds as Python
 * floats in {@link PythonFloat} so that they keep their `.0`.
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
      const members = Object.entries(item)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => `${encodeString(key, style)}${keySeparator}${encode(member)}`);
      return `{${members.join(itemSeparator)}}`;
    }
    return 'null';
  };
  return encode(value);
}

/** `encodeJson(value, 'python')`: JSON as Python's `json.dumps` writes it by default. */
export function pythonJsonDumps(value: unknown): string {
  return encodeJson(value, 'python');
}
