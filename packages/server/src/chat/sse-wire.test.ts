import { ProtocolError, StreamTruncatedError } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, fake, finish, part, queued, registryOf, started, text } from '../../test/fakes.js';
import { GatewayPool } from '../../test/gateway-pool.js';
import { postForSse, streamedText } from '../../test/read-sse.js';

const gateways = new GatewayPool();
afterEach(() => gateways.closeAll());

const ask = (extra: object = {}) => ({ model: 'shared', messages: [{ role: 'user', content: 'Hi' }], stream: true, ...extra });

async function streamFrom(steps: Parameters<typeof fake>[1], extra: object = {}) {
  const { url } = await gateways.start({ registry: registryOf([fake('Alpha', steps)]) });
  return postForSse(`${url}/v1/chat/completions`, ask(extra));
}

describe('the SSE wire of POST /v1/chat/completions', () => {
  it('sends only data and comment lines: role, deltas, one finish reason, usage, [DONE]', async () => {
    const response = await streamFrom([text('Hel'), text('lo'), finish()], { stream_options: { include_usage: true } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.text.split('\n').filter((line) => line !== '' && !line.startsWith('data: ') && !line.startsWith(': '))).toEqual([]);
    const [first, ...rest] = response.data;
    expect(first.choices[0]).toEqual({ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null });
    expect(streamedText(response)).toBe('Hello');
    const finishes = response.data.filter((chunk) => chunk.choices[0]?.finish_reason != null);
    expect(finishes).toHaveLength(1);
    expect(finishes[0].choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    const usageChunk = rest.at(-1);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toMatchObject({ completion_tokens: 1, switchboard_estimated: true });
    expect(rest.at(-2)).toBe(finishes[0]);
    expect(response.data.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(new Set(response.data.map((chunk) => `${chunk.id} ${chunk.created} ${chunk.model} ${chunk.object}`)).size).toBe(1);
    expect(response.data[0].object).toBe('chat.completion.chunk');
    expect(response.done).toBe(true);
  });

  it('uses upstream token counts when the finish part carries them', async () => {
    const response = await streamFrom(
      [text('Hi'), part({ type: 'finish', reason: 'length', usage: { inputTokens: 11, outputTokens: 22, source: 'upstream' } })],
      { stream_options: { include_usage: true } },
    );
    expect(response.data.at(-1).usage).toEqual({ prompt_tokens: 11, completion_tokens: 22, total_tokens: 33 });
    expect(response.data.at(-2).choices[0].finish_reason).toBe('length');
  });

  it('sends only comment lines while queued, then the role chunk', async () => {
    const response = await streamFrom([
      queued({ position: 3, queueSize: 5, etaSeconds: 12 }),
      queued({ position: 1, queueSize: 5 }, 20),
      started(20),
      text('done', 20),
      finish(),
    ]);
    const firstData = response.blocks.findIndex((block) => block.lines[0]!.startsWith('data: '));
    expect(response.blocks.slice(0, firstData).map((block) => block.lines)).toEqual([
      [': queued position=3 size=5 eta=12s'],
      [': queued position=1 size=5'],
      [': started'],
    ]);
    expect(response.data[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(response.done).toBe(true);
  });

  it('ends a stream that fails after text with one error event and no [DONE] or finish reason', async () => {
    const response = await streamFrom([text('Partial'), fail(new StreamTruncatedError('socket closed'))]);
    expect(response.status).toBe(200);
    expect(streamedText(response)).toBe('Partial');
    expect(response.data.at(-1)).toEqual({
      error: expect.objectContaining({ code: 'STREAM_TRUNCATED', type: 'server_error', param: null }),
    });
    expect(response.data.filter((chunk) => chunk.error !== undefined)).toHaveLength(1);
    expect(response.data.some((chunk) => chunk.choices?.[0]?.finish_reason != null)).toBe(false);
    expect(response.done).toBe(false);
    expect(response.text).not.toContain('[DONE]');
  });

  it('answers a failure before the provider accepted with an HTTP status, not a stream', async () => {
    const response = await streamFrom([fail(new ProtocolError('bad join answer'), 30)]);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.text)).toEqual({
      error: { message: expect.stringContaining('bad join answer'), type: 'server_error', param: null, code: 'ALL_PROVIDERS_FAILED' },
    });
    expect(response.headers.get('x-should-retry')).toBe('false');
  });

  it('sends an extending revision as a plain suffix and any other revision in switchboard_revision', async () => {
    const response = await streamFrom([
      text('The cat'),
      part({ type: 'text-revision', text: 'The cat sat' }),
      part({ type: 'text-revision', text: 'The dog sat' }),
      text('.'),
      finish(),
    ]);
    const deltas = response.data.map((chunk) => chunk.choices[0]?.delta).filter((delta) => delta !== undefined);
    expect(deltas).toEqual([
      { role: 'assistant', content: '' },
      { content: 'The cat' },
      { content: ' sat' },
      { content: '', switchboard_revision: 'The dog sat' },
      { content: '.' },
      {},
    ]);
  });

  it('names the requested model in every chunk, and the resolved default when none was named', async () => {
    const { url } = await gateways.start({ registry: registryOf([fake('Alpha', [text('x'), finish()])], { defaultModel: 'shared' }) });
    const named = await postForSse(`${url}/v1/chat/completions`, ask({ model: 'shared' }));
    expect(named.data.map((chunk) => chunk.model)).toEqual(named.data.map(() => 'shared'));
    const unnamed = await postForSse(`${url}/v1/chat/completions`, ask({ model: '' }));
    expect(unnamed.status).toBe(200);
    expect(unnamed.data[0].model).toBe('shared-model');
  });
});
