import { ProtocolError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { randomSseStream } from '../../test/random-sse-stream.js';
import { pick, randomInteger, seededRandom, splitRandomly } from '../../test/seeded-random.js';
import { BoundedSseDecoder } from '../bounded-sse-decoder.js';
import type { SseEventDecoder } from '../sse-event-decoder.js';
import { FastSseDecoder } from './fast-sse-decoder.js';

/** Everything a decoder reports for `pieces`: the events of each push and of the end, and the failure. */
function decode(decoder: SseEventDecoder, pieces: readonly Buffer[]) {
  const pushes = pieces.map((piece) => decoder.push(piece));
  const ended = decoder.end();
  return { pushes, ended, failure: decoder.failure?.message };
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('FastSseDecoder', () => {
  it('gives the same events, push by push, as the plain decoder on random streams cut at random places', () => {
    let failures = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const random = seededRandom(seed);
      const stream = randomSseStream(random);
      const pieces = splitRandomly(random, stream, pick(random, [1, 3, 16, 200, 5000]));
      const maxEventBytes = pick(random, [8, 40, 120, 1 << 20]) + randomInteger(random, 3);
      const plain = decode(new BoundedSseDecoder(maxEventBytes), pieces);
      const fast = decode(new FastSseDecoder(maxEventBytes), pieces);
      expect(fast, `seed ${seed}`).toEqual(plain);
      if (plain.failure !== undefined) failures++;
    }
    expect(failures).toBeGreaterThan(300);
  });

  it('splits LF, CRLF and CR lines, a CRLF cut between two pushes included', () => {
    const pieces = [bytes('data: a\r'), bytes('\ndata: b\r\r'), bytes('event: e\rdata: c\n'), bytes('\n')];
    expect(decode(new FastSseDecoder(100), pieces)).toEqual({
      pushes: [[], [], [{ id: undefined, event: undefined, data: 'a\nb' }], [{ id: undefined, event: 'e', data: 'c' }]],
      ended: [],
      failure: undefined,
    });
  });

  it('decodes a character whose bytes arrive in different pushes, and skips a BOM cut the same way', () => {
    const stream = bytes('\uFEFFdata: 🦊\n\n');
    const pieces = [...stream].map((byte) => Buffer.from([byte]));
    expect(decode(new FastSseDecoder(100), pieces).pushes.flat()).toEqual([{ id: undefined, event: undefined, data: '🦊' }]);
  });

  it('holds back a line whose CR is the last byte received, and drops it at the end as the plain decoder does', () => {
    const pieces = [bytes('data: [DONE]\r\r')];
    expect(decode(new FastSseDecoder(100), pieces)).toEqual({ pushes: [[]], ended: [], failure: undefined });
    expect(decode(new BoundedSseDecoder(100), pieces)).toEqual({ pushes: [[]], ended: [], failure: undefined });
  });

  it('fails on an unterminated line past the bound without waiting for its end, keeping the events before it', () => {
    const decoder = new FastSseDecoder(50);
    expect(decoder.push(bytes(`data: ok\n\ndata: ${'x'.repeat(30)}`))).toEqual([{ id: undefined, event: undefined, data: 'ok' }]);
    expect(decoder.failure).toBeUndefined();
    expect(decoder.push(bytes('y'.repeat(15)))).toEqual([]);
    expect(ProtocolError.isInstance(decoder.failure)).toBe(true);
    expect(decoder.failure!.message).toContain('exceeded 50 bytes');
    expect(decoder.push(bytes('\n\ndata: later\n\n'))).toEqual([]);
    expect(decoder.end()).toEqual([]);
  });

  it('accepts a Uint8Array that is not a Buffer', () => {
    const decoder = new FastSseDecoder(100);
    expect(decoder.push(new TextEncoder().encode('data: plain\n\n'))).toEqual([{ id: undefined, event: undefined, data: 'plain' }]);
  });
});
