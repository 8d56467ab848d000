import { describe, expect, it } from 'vitest';
import { encodeJson, pythonJsonDumps } from './encode-json.js';
import { formatPythonFloat, PythonFloat } from './python-float.js';
import { pythonStringRepr } from './python-string-repr.js';

describe('encodeJson', () => {
  const message = { msg: 'x', data: ['é😀\n"\\', 1, null, true, new PythonFloat(2)], skipped: undefined };

  it('python style matches json.dumps defaults', () => {
    const expected = '{"msg": "x", "data": ["\\u00e9\\ud83d\\ude00\\n\\"\\\\", 1, null, true, 2.0]}';
    expect(encodeJson(message, 'python')).toBe(expected);
    expect(pythonJsonDumps(message)).toBe(expected);
    expect(encodeJson('\x7f\x01', 'python')).toBe('"\\u007f\\u0001"');
  });

  it('compact style matches orjson: raw UTF-8, lone surrogates escaped', () => {
    expect(encodeJson(message, 'compact')).toBe('{"msg":"x","data":["é😀\\n\\"\\\\",1,null,true,2.0]}');
    expect(encodeJson('\x7f\x01', 'compact')).toBe('"\x7f\\u0001"');
    expect(encodeJson('a\ud800b', 'compact')).toBe('"a\\ud800b"');
  });

  it('reads back as the same value with JSON.parse', () => {
    const value = { text: 'Grüße 👋🏽\t終わり', list: [0, -1.5, false], nested: { empty: [] } };
    expect(JSON.parse(encodeJson(value, 'python'))).toEqual(value);
    expect(JSON.parse(encodeJson(value, 'compact'))).toEqual(value);
  });
});

describe('Python number and string repr', () => {
  it('formats floats like repr(float)', () => {
    expect([0, 12.5, 0.0001, 0.00003, 1e16, 123456789012345.6, -2].map(formatPythonFloat)).toEqual([
      '0.0',
      '12.5',
      '0.0001',
      '3e-05',
      '1e+16',
      '123456789012345.6',
      '-2.0',
    ]);
  });

  it('keeps JSON.stringify of a PythonFloat a plain number', () => {
    expect(JSON.stringify({ eta: new PythonFloat(2) })).toBe('{"eta":2}');
  });

  it('quotes strings like repr(str)', () => {
    expect(pythonStringRepr('boom')).toBe("'boom'");
    expect(pythonStringRepr("it's")).toBe('"it\'s"');
    expect(pythonStringRepr('a\nb\\')).toBe("'a\\nb\\\\'");
  });
});
