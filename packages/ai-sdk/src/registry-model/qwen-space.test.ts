import { APICallError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { createRegistry, type RegistryOptions } from '@switchboard/core';
import { generateText, streamText, type TextStreamPart } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { QwenSpaces, joinRequests, qwenAlias, qwenModel, registerQwenSpace, type QwenSpaceEmulatorOptions } from '../../test/upstreams.js';
import { createSwitchboard } from './create-switchboard.js';

const spaces = new QwenSpaces();
afterEach(() => spaces.closeAll());

const quickRouting: RegistryOptions = { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2 } };

/** A registry with one emulated Space per options object, tried in that order. */
async function switchboardOver(...spaceOptions: QwenSpaceEmulatorOptions[]) {
  const registry = createRegistry(quickRouting);
  const started = [];
  for (const [index, options] of spaceOptions.entries()) {
    const space = await spaces.start(options);
    registerQwenSpace(registry, space, { name: `Space${index + 1}`, priority: spaceOptions.length - index });
    started.push(space);
  }
  return { switchboard: createSwitchboard({ registry }), spaces: started };
}

async function collect(stream: AsyncIterable<TextStreamPart<any>>) {
  const parts: Array<TextStreamPart<any>> = [];
  for await (const value of stream) parts.push(value);
  return parts;
}

describe('the AI SDK over the Qwen provider and an emulated Space', () => {
  it('streams the answer in deltas and reports finish reason and response metadata', async () => {
    const answer = 'Paris is the capital of France.';
    const { switchboard, spaces: [space] } = await switchboardOver({ answer, tokenSize: 4 });
    const result = streamText({ model: switchboard(qwenAlias), system: 'Be brief.', prompt: 'Capital of France?', maxRetries: 0 });
    const deltas = (await collect(result.fullStream)).filter((value) => value.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(await result.text).toBe(answer);
    expect(await result.finishReason).toBe('stop');
    expect((await result.response).modelId).toBe(qwenModel);
    expect((await result.providerMetadata)?.switchboard).toMatchObject({ provider: 'Space1', model: qwenModel, attempts: 1 });
    expect(joinRequests(space!)[0]!.body).toMatchObject({ data: ['Capital of France?', [], 'Be brief.'] });
  });

  it('passes the queue position and ETA on as raw chunks', async () => {
    const { switchboard } = await switchboardOver({ answer: 'queued answer', queue: { waitMs: 50, updates: 1, rank: 2, queueSize: 3, etaSeconds: 4 } });
    const parts = await collect(streamText({ model: switchboard(qwenAlias), prompt: 'hi', includeRawChunks: true, maxRetries: 0 }).fullStream);
    const raw = parts.filter((value) => value.type === 'raw').map((value) => value.rawValue);
    expect(raw[0]).toEqual({ type: 'switchboard-status', stage: 'queued', position: 2, queueSize: 3, etaSeconds: 4, provider: 'Space1' });
    expect(raw).toContainEqual(expect.objectContaining({ stage: 'started' }));
    expect(parts.findIndex((value) => value.type === 'raw')).toBeLessThan(parts.findIndex((value) => value.type === 'text-delta'));
  });

  it('closes the connection to the Space when the call is aborted mid-stream', async () => {
    const { switchboard, spaces: [space] } = await switchboardOver({ answer: 'a long answer that keeps on streaming for a while', tokenSize: 2, tokenDelayMs: 40 });
    const controller = new AbortController();
    const result = streamText({ model: switchboard(qwenAlias), prompt: 'hi', abortSignal: controller.signal, maxRetries: 0 });
    const closed = space!.waitForStreamClose();
    for await (const value of result.fullStream) if (value.type === 'text-delta') controller.abort();
    await closed;
    expect(space!.openStreams).toBe(0);
    expect(await Promise.resolve(result.text).then(() => 'resolved', (caught: Error) => caught.name)).toBe('AbortError');
  });

  it('falls back to the second Space before the first token; the result says which Space answered', async () => {
    const { switchboard, spaces: [first] } = await switchboardOver({ answer: 'unused', fault: { kind: 'queue-full' } }, { answer: 'from the backup' });
    const result = await generateText({ model: switchboard(qwenAlias), prompt: 'hi', maxRetries: 0 });
    expect(result.text).toBe('from the backup');
    expect(result.providerMetadata?.switchboard).toMatchObject({ provider: 'Space2', fallbacks: [{ from: 'Space1', to: 'Space2', code: 'QUEUE_FULL' }] });
    expect(joinRequests(first!)).toHaveLength(1);
  });

  it('reports a dropped connection after text as an APICallError carrying the text received', async () => {
    const { switchboard } = await switchboardOver(
      { answer: 'abcdefghijklmnopqrstuvwxyz', tokenSize: 2, fault: { kind: 'drop-connection', afterTokens: 4 } },
      { answer: 'never used' },
    );
    const errors: unknown[] = [];
    const result = streamText({ model: switchboard(qwenAlias), prompt: 'hi', maxRetries: 0, onError: ({ error }) => void errors.push(error) });
    const received = await result.text;
    expect(received.length).toBeGreaterThan(0);
    expect('abcdefghijklmnopqrstuvwxyz'.startsWith(received)).toBe(true);
    expect(await result.finishReason).toBe('error');
    const [error] = errors as APICallError[];
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error!.data).toMatchObject({ code: 'STREAM_TRUNCATED', provider: 'Space1', partialText: received });
  });

  it('returns the exact answer from generateText, and the revised answer in the stream, when the Space rewrites text', async () => {
    const answer = '1. **Title**\n   detail\nNext line';
    const { switchboard } = await switchboardOver({ answer, tokenSize: 3, tidyWhitespace: true });
    expect((await generateText({ model: switchboard(qwenAlias), prompt: 'list', maxRetries: 0 })).text).toBe(answer);
    const streamed = streamText({ model: switchboard(qwenAlias), prompt: 'list', maxRetries: 0 });
    const texts = (await streamed.content).filter((value) => value.type === 'text');
    expect(texts.at(-1)!.text).toBe(answer);
    expect((await streamed.providerMetadata)?.switchboard).toMatchObject({ revised: true, text: answer });
  });

  it('rejects an image in the prompt by name without joining the queue', async () => {
    const { switchboard, spaces: [space] } = await switchboardOver({ answer: 'unused' });
    const prompt = [{ role: 'user' as const, content: [{ type: 'image' as const, image: new Uint8Array([137, 80, 78, 71]), mediaType: 'image/png' }] }];
    const error = await generateText({ model: switchboard(qwenAlias), messages: prompt, maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('file parts (images, documents)');
    expect(space!.requests).toEqual([]);
  });
});
