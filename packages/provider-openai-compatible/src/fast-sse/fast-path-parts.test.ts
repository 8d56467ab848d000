import { Readable } from 'node:stream';
import type { StreamPart } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { randomChatStream } from '../../test/random-chat-stream.js';
import { pick, seededRandom, splitRandomly } from '../../test/seeded-random.js';
import { BoundedSseDecoder } from '../bounded-sse-decoder.js';
import { ChatStreamState } from '../chat-stream-state.js';
import { readChatResponse } from '../read-chat-response.js';

const url = 'http://127.0.0.1:1/v1/chat/completions';

/** The parts a response body gives, and the error it ends with, read with the provider's decoder or the plain one. */
async function readBody(pieces: readonly Buffer[], maxEventBytes: number, plain: boolean) {
  const response = { headers: { 'content-type': 'text/event-stream' }, body: Readable.from(pieces) };
  const parts: StreamPart[] = [];
  try {
    const decoder = plain ? (bound: number) => new BoundedSseDecoder(bound) : undefined;
    for await (const batch of readChatResponse(response, new ChatStreamState(url), maxEventBytes, decoder)) parts.push(...batch);
    return { parts };
  } catch (error) {
    const { name, code, message } = error as { name: string; code?: string; message: string };
    return { parts, error: { name, code, message } };
  }
}

describe('the fast decoding path', () => {
  it('gives the provider the same parts and errors as the plain path on random chat streams cut at random places', async () => {
    const outcomes = { finished: 0, failed: 0 };
    for (let seed = 1; seed <= 500; seed++) {
      const random = seededRandom(seed);
      const stream = randomChatStream(random);
      const pieces = splitRandomly(random, stream, pick(random, [2, 7, 64, 4096]));
      const maxEventBytes = pick(random, [90, 400, 1 << 20]);
      const fast = await readBody(pieces, maxEventBytes, false);
      const plain = await readBody(pieces, maxEventBytes, true);
      expect(fast, `seed ${seed}`).toEqual(plain);
      if (plain.error === undefined) outcomes.finished++;
      else outcomes.failed++;
    }
    expect(outcomes.finished).toBeGreaterThan(60);
    expect(outcomes.failed).toBeGreaterThan(100);
  });
});
