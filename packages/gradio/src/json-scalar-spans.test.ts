import { describe, expect, it } from 'vitest';
import { jsonScalarSpans } from './json-scalar-spans.js';

describe('jsonScalarSpans', () => {
  it('lists the scalar tokens of a JSON text with their paths', () => {
    const text = '{"a": [1, "x", {"b": true}], "c" : -2.5e3, "d":null, "e":{}, "f":[]}';
    const spans = jsonScalarSpans(text)!;
    expect(spans.map((span) => [span.kind, text.slice(span.start, span.end), span.path, span.memberValue])).toEqual([
      ['number', '1', ['a', 0], false],
      ['string', '"x"', ['a', 1], false],
      ['literal', 'true', ['a', 2, 'b'], true],
      ['number', '-2.5e3', ['c'], true],
      ['literal', 'null', ['d'], true],
    ]);
  });

  it('handles escapes in keys and strings, and a scalar at the root', () => {
    const text = '{"k\\"ey":"v\\\\"}';
    expect(jsonScalarSpans(text)).toEqual([{ kind: 'string', start: 9, end: 14, path: ['k"ey'], memberValue: true }]);
    expect(jsonScalarSpans(' 7 ')).toEqual([{ kind: 'number', start: 1, end: 2, path: [], memberValue: false }]);
  });

  it('refuses texts whose parse cannot be mapped back: repeated keys, deep nesting', () => {
    expect(jsonScalarSpans('{"a":1,"a":2}')).toBeNull();
    expect(jsonScalarSpans('{"a":{"b":1,"b":2}}')).toBeNull();
    expect(jsonScalarSpans(`${'['.repeat(40)}1${']'.repeat(40)}`)).toBeNull();
    expect(jsonScalarSpans(`${'['.repeat(20)}1${']'.repeat(20)}`)).toHaveLength(1);
  });
});
