import { ProtocolError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { SseDecoder } from './sse-decoder.js';
import { decodeAll } from '../test/decode-all.js';
import { pythonJsonDumps, sseBody } from './wire/index.js';
import { referenceSseEvents } from '../test/reference-sse.js';
import { byteByByte, randomSplit, seededRandom } from '../test/seeded-random.js';

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);

const chatMessages = [
  { msg: 'estimation', event_id: 'e1', rank: 0, queue_size: 1, rank_eta: 1.5 },
  { msg: 'process_generating', event_id: 'e1', output: { data: ['', [['你好', 'Hello 😀']], 'sys'], is_generating: true } },
  { msg: 'process_generating', event_id: 'e1', output: { data: [[], [['append', [0, 1], ' 世界 🌍 é']], []] } },
  { msg: 'process_generating', event_id: 'e1', output: { data: [[], [['append', [0, 1], '𝄞 naïve — ok']], []] } },
  { msg: 'process_completed', event_id: 'e1', output: { data: ['', [['你好', 'Hello 😀 世界 🌍 é𝄞 naïve — ok']], 'sys'] }, success: true },
];

/**
 * Checks that eventsource-parser fed the whole body gives `expected`, and that SseDecoder
 * gives the same fed whole, byte by byte and in many random splits. (eventsource-parser
 * itself is only split-independent without CRs: it holds a CR until a later line break.)
 */
function expectSplitInvariant(body: Uint8Array, expected: string[], seed: number): void {
  expect(referenceSseEvents([body])).toEqual(expected);
  expect(decodeAll([body])).toEqual(expected);
  expect(decodeAll(byteByByte(body))).toEqual(expected);
  const hasCarriageReturn = body.includes(0x0d);
  const random = seededRandom(seed);
  for (let round = 0; round < 60; round++) {
    const pieces = randomSplit(body, random, round % 2 === 0 ? 5 : 300);
    expect(decodeAll(pieces)).toEqual(expected);
    if (!hasCarriageReturn) expect(referenceSseEvents(pieces)).toEqual(expected);
  }
}

describe('SseDecoder framing', () => {
  it('decodes a Gradio stream with raw UTF-8 (orjson style) identically under every split', () => {
    const text = sseBody(chatMessages);
    const expected = chatMessages.map((message) => JSON.stringify(message));
    expectSplitInvariant(bytesOf(text), expected, 1);
    expect(decodeAll([bytesOf(text)]).map((data) => JSON.parse(data))).toEqual(chatMessages);
  });

  it('decodes the Python json.dumps form with \\uXXXX escapes to the same values', () => {
    const body = bytesOf(sseBody(chatMessages, pythonJsonDumps));
    expect(new TextDecoder().decode(body)).toContain('\\ud83d\\ude00');
    const expected = chatMessages.map(pythonJsonDumps);
    expectSplitInvariant(body, expected, 2);
    expect(decodeAll([body]).map((data) => JSON.parse(data))).toEqual(chatMessages);
  });

  it('follows the SSE spec: optional space, multi-line data, comments, other fields, CRLF and CR', () => {
    const cases: Array<[string, string[]]> = [
      ['data:no-space\n\n', ['no-space']],
      ['data:  two spaces\n\n', [' two spaces']],
      ['data: a\ndata: b\n\n', ['a\nb']],
      [': comment\ndata: x\n\n', ['x']],
      ['event: update\nid: 7\nretry: 100\nfoo: bar\ndata: y\n\n', ['y']],
      ['data: crlf\r\n\r\ndata: next\r\n\r\n', ['crlf', 'next']],
      ['data: cr\r\rdata: two\r\r', ['cr', 'two']],
      ['data: mixed\r\n\ndata: z\n\r\n', ['mixed', 'z']],
      ['\n\n\ndata: after blank lines\n\n', ['after blank lines']],
      ['data\n\ndata:\n\n', ['', '']],
      [': only a comment\n\n', []],
      ['\uFEFFdata: after bom\n\n', ['after bom']],
      ['data: one\n\ndata: unterminated', ['one']],
      ['data: one\n\ndata: no blank line\n', ['one']],
    ];
    cases.forEach(([text, expected], index) => {
      expectSplitInvariant(bytesOf(text), expected, 100 + index);
    });
  });

  it('matches eventsource-parser on random SSE-like byte soup under random splits', () => {
    const random = seededRandom(42);
    const tokens = ['data: ', 'data:', 'data', '\n', '\n\n', '\r', '\r\n', ': c', 'id: 1', 'event: e', 'retry: 5', 'x', '{"a":1}', ' ', 'é', '😀', '中', '\\u00e9', 'dat', 'a:', 'z: q'];
    for (let round = 0; round < 400; round++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(random() * 40);
      for (let index = 0; index < count; index++) parts.push(tokens[Math.floor(random() * tokens.length)]!);
      const text = parts.join('');
      const body = bytesOf(text);
      const expected = referenceSseEvents([body]);
      expect(decodeAll([body]), JSON.stringify(text)).toEqual(expected);
      expect(decodeAll(byteByByte(body)), JSON.stringify(text)).toEqual(expected);
      expect(decodeAll(randomSplit(body, random, 7)), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('keeps invalid UTF-8 as U+FFFD like a streaming TextDecoder', () => {
    const body = new Uint8Array([...bytesOf('data: a'), 0xf0, 0x9f, ...bytesOf('b\n\ndata: '), 0xe4, 0xb8, ...bytesOf('\n\n')]);
    expectSplitInvariant(body, ['a\uFFFDb', '\uFFFD'], 7);
  });

  it('treats a CR as a complete line ending, even at the end of the stream or of a chunk', () => {
    expect(decodeAll([bytesOf('data: x\n\r')])).toEqual(['x']);
    expect(decodeAll(byteByByte(bytesOf('data: x\r\r')))).toEqual(['x']);
    expect(decodeAll([bytesOf('data: x\r')])).toEqual([]);
    expect(referenceSseEvents([bytesOf('data: x\n\r')], false)).toEqual([]);
    const split = [bytesOf('data: y\r'), bytesOf('\r'), bytesOf('id: 2')];
    expect(referenceSseEvents(split, false)).toEqual([]);
    expect(decodeAll(split)).toEqual(['y']);
    const decoder = new SseDecoder();
    expect(decoder.push(bytesOf('data: z\r\r'))).toEqual(['z']);
    expect(decoder.push(bytesOf('\ndata: w\r\n\r'))).toEqual(['w']);
  });

  it('accepts plain Uint8Array chunks as well as Buffers', () => {
    const decoder = new SseDecoder();
    expect(decoder.push(new Uint8Array(bytesOf('data: 1\n\n')))).toEqual(['1']);
    expect(decoder.push(Buffer.from('data: 2\n\n'))).toEqual(['2']);
  });
});

describe('SseDecoder maxEventBytes', () => {
  it('accepts an event of exactly the limit and rejects one byte more', () => {
    const event = `data: ${'a'.repeat(94)}`;
    expect(event.length).toBe(100);
    expect(decodeAll([bytesOf(`${event}\n\n`)], { maxEventBytes: 100 })).toEqual(['a'.repeat(94)]);
    expect(() => decodeAll([bytesOf(`${event}a\n\n`)], { maxEventBytes: 100 })).toThrow(ProtocolError);
    expect(() => decodeAll(byteByByte(bytesOf(`${event}a\n\n`)), { maxEventBytes: 100 })).toThrow(/exceeded the limit of 100 bytes/);
  });

  it('bounds each event, not the stream', () => {
    const body = bytesOf(sseBody(Array.from({ length: 50 }, (_, index) => ({ index, text: 'x'.repeat(50) }))));
    expect(body.length).toBeGreaterThan(3000);
    expect(decodeAll([body], { maxEventBytes: 100 })).toHaveLength(50);
    expect(decodeAll(randomSplit(body, seededRandom(3), 40), { maxEventBytes: 100 })).toHaveLength(50);
  });

  it('fails while an endless event streams in, without buffering it', () => {
    for (const lineEnding of ['\n', '\r\n']) {
      const decoder = new SseDecoder({ maxEventBytes: 64 * 1024 });
      expect(decoder.push(bytesOf(`data: ok${lineEnding}${lineEnding}data: `))).toEqual(['ok']);
      const chunk = new Uint8Array(16 * 1024).fill(0x61);
      let fed = 0;
      const feedForever = () => {
        for (;;) {
          decoder.push(chunk);
          fed += chunk.length;
        }
      };
      expect(feedForever).toThrow(ProtocolError);
      expect(fed).toBeLessThanOrEqual(64 * 1024);
      expect(() => decoder.push(bytesOf('\n\n'))).toThrow(ProtocolError);
    }
  });

  it('returns the events completed before the oversized one, then throws', () => {
    for (const text of ['data: first\n\ndata: 0123456789', 'data: first\r\n\r\ndata: 0123456789']) {
      const decoder = new SseDecoder({ maxEventBytes: 12 });
      expect(decoder.push(bytesOf(text))).toEqual(['first']);
      expect(() => decoder.push(bytesOf('\n\n'))).toThrow(ProtocolError);
      expect(() => decoder.end()).toThrow(ProtocolError);
    }
  });

  it('counts comment and field lines of a block too (CR/LF line endings in any mix)', () => {
    const block = `: ${'c'.repeat(60)}\r\nid: 1\r\ndata: x\r\n\r\n`;
    expect(decodeAll([bytesOf(block)], { maxEventBytes: 100 })).toEqual(['x']);
    expect(() => decodeAll([bytesOf(block)], { maxEventBytes: 60 })).toThrow(ProtocolError);
  });

  it('decides whether the bound is exceeded the same way under every split', () => {
    const random = seededRandom(9);
    const tokens = ['data: ', 'data:', '\n', '\n\n', 'data: {"x":"é😀"}\n\n', '\r', '\r\n', ': c', 'id: 1', 'x', 'é', '😀'];
    const outcome = (chunks: Uint8Array[], maxEventBytes: number) => {
      try {
        return JSON.stringify(decodeAll(chunks, { maxEventBytes }));
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
        return 'overflow';
      }
    };
    for (let round = 0; round < 300; round++) {
      const count = 1 + Math.floor(random() * 30);
      const body = bytesOf(Array.from({ length: count }, () => tokens[Math.floor(random() * tokens.length)]!).join(''));
      const maxEventBytes = 1 + Math.floor(random() * 40);
      const whole = outcome([body], maxEventBytes);
      expect(outcome(byteByByte(body), maxEventBytes)).toBe(whole);
      expect(outcome(randomSplit(body, random, 9), maxEventBytes)).toBe(whole);
      if (whole !== 'overflow') expect(whole).toBe(JSON.stringify(referenceSseEvents([body])));
    }
  });
});
