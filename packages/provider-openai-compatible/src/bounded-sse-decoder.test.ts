import { ProtocolError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { BoundedSseDecoder } from './bounded-sse-decoder.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

function decodeInPieces(text: string, pieceSize: number, maxEventBytes = 1024) {
  const decoder = new BoundedSseDecoder(maxEventBytes);
  const encoded = bytes(text);
  const events = [];
  for (let start = 0; start < encoded.length; start += pieceSize) events.push(...decoder.push(encoded.subarray(start, start + pieceSize)));
  events.push(...decoder.end());
  return events.map((event) => ({ event: event.event, data: event.data }));
}

describe('BoundedSseDecoder', () => {
  const stream = ': keep-alive\n\ndata: {"a":1}\n\nevent: error\r\ndata: {"b":\r\ndata: "é"}\r\n\r\ndata: [DONE]\n\n';
  const expected = [
    { event: undefined, data: '{"a":1}' },
    { event: 'error', data: '{"b":\n"é"}' },
    { event: undefined, data: '[DONE]' },
  ];

  it.each([1, 2, 7, 1000])('decodes events, comments and line endings the same in pieces of %i bytes', (pieceSize) => {
    expect(decodeInPieces(stream, pieceSize)).toEqual(expected);
  });

  it('discards an unterminated last block', () => {
    expect(decodeInPieces('data: one\n\ndata: {"half', 4)).toEqual([{ event: undefined, data: 'one' }]);
  });

  it('accepts an event of exactly the bound and refuses one byte more', () => {
    const line = `data: ${'x'.repeat(94)}`;
    expect(Buffer.byteLength(line)).toBe(100);
    expect(decodeInPieces(`${line}\n\n`, 13, 100)).toEqual([{ event: undefined, data: 'x'.repeat(94) }]);
    const decoder = new BoundedSseDecoder(100);
    expect(decoder.push(bytes(`data: ok\n\n${line}x`))).toEqual([{ event: undefined, id: undefined, data: 'ok' }]);
    expect(ProtocolError.isInstance(decoder.failure)).toBe(true);
    expect(decoder.failure!.message).toContain('exceeded 100 bytes');
    expect(decoder.push(bytes('\n\ndata: later\n\n'))).toEqual([]);
  });

  it('counts every line of a block, comments included, against the bound', () => {
    const decoder = new BoundedSseDecoder(50);
    decoder.push(bytes(`: ${'c'.repeat(30)}\n`));
    expect(decoder.failure).toBeUndefined();
    decoder.push(bytes(`data: ${'d'.repeat(30)}\n`));
    expect(decoder.failure).toBeDefined();
  });

  it('starts counting again after each blank line', () => {
    const block = `data: ${'y'.repeat(40)}\n\n`;
    expect(decodeInPieces(block.repeat(5), 9, 50)).toHaveLength(5);
  });
});
