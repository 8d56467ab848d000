import { QueueFullError, StreamTruncatedError } from '@switchboard/core';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, fake, finish, hang, part, registryOf, text } from '../test/fakes.js';
import { GatewayPool } from '../test/gateway-pool.js';

const gateways = new GatewayPool();
afterEach(() => gateways.closeAll());

const client = (baseURL: string, apiKey = 'unused') => new OpenAI({ baseURL, apiKey, maxRetries: 0 });
const hello = [{ role: 'user' as const, content: 'Hello' }];

describe('the official openai client against the gateway', () => {
  it('gets a non-streaming completion with the final text, finish reason and estimated usage', async () => {
    const provider = fake('Alpha', [text('Hel'), text('lo!'), finish()]);
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    const completion = await client(baseURL).chat.completions.create({ model: 'shared', messages: hello });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('shared');
    expect(completion.choices[0]!.message).toMatchObject({ role: 'assistant', content: 'Hello!' });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ completion_tokens: 2, switchboard_estimated: true });
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
  });

  it('streams chunks with one id, the role first and exactly one finish reason', async () => {
    const provider = fake('Alpha', [text('Hel'), text('lo!'), finish()]);
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    const stream = await client(baseURL).chat.completions.create({ model: 'shared', messages: hello, stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Hello!');
    expect(chunks.filter((chunk) => chunk.choices[0]?.finish_reason != null).map((chunk) => chunk.choices[0]!.finish_reason)).toEqual(['stop']);
  });

  it('passes system prompt, history and generation settings to the provider', async () => {
    const provider = fake('Alpha', [text('ok'), finish()], { supportedSettings: ['temperature', 'maxOutputTokens', 'stop'] });
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    await client(baseURL).chat.completions.create({
      model: 'shared',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'assistant', content: 'Hello.' },
        { role: 'user', content: 'Again?' },
      ],
      temperature: 0.2,
      max_completion_tokens: 50,
      stop: 'END',
    });
    expect(provider.calls[0]!.request).toMatchObject({
      model: 'shared-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        { role: 'user', content: 'Again?' },
      ],
      temperature: 0.2,
      maxOutputTokens: 50,
      stop: ['END'],
    });
  });

  it('reports settings the provider ignores in x-switchboard-ignored-params, streaming or not', async () => {
    const provider = fake('Alpha', [text('ok'), finish()], { supportedSettings: ['temperature'] });
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    const openai = client(baseURL);
    const body = { model: 'shared', messages: hello, temperature: 0.5, top_p: 0.9, max_tokens: 20, seed: 7, presence_penalty: 1 };
    const plain = await openai.chat.completions.create(body).withResponse();
    expect(plain.response.headers.get('x-switchboard-ignored-params')?.split(',').sort()).toEqual(
      ['max_tokens', 'presence_penalty', 'seed', 'top_p'],
    );
    const streamed = await openai.chat.completions.create({ ...body, stream: true }).withResponse();
    for await (const _chunk of streamed.data);
    expect(streamed.response.headers.get('x-switchboard-ignored-params')?.split(',').sort()).toEqual(
      ['max_tokens', 'presence_penalty', 'seed', 'top_p'],
    );
  });

  it('pins a provider with a provider/model name', async () => {
    const alpha = fake('Alpha', [text('from alpha'), finish()]);
    const beta = fake('Beta', [text('from beta'), finish()]);
    const { baseURL } = await gateways.start({ registry: registryOf([alpha, beta]) });
    const completion = await client(baseURL).chat.completions.create({ model: 'Beta/shared', messages: hello });
    expect(completion.choices[0]!.message.content).toBe('from beta');
    expect(completion.model).toBe('Beta/shared');
    expect(alpha.calls).toHaveLength(0);
  });

  it('throws NotFoundError for an unknown model', async () => {
    const { baseURL } = await gateways.start({ registry: registryOf([fake('Alpha', [text('x'), finish()])]) });
    const failure = await client(baseURL).chat.completions.create({ model: 'no-such-model', messages: hello }).catch((error) => error);
    expect(failure).toBeInstanceOf(OpenAI.NotFoundError);
    expect(failure).toMatchObject({ status: 404, code: 'NO_PROVIDER_FOR_MODEL', param: 'model' });
    expect(failure.message).toContain('no-such-model');
  });

  it('throws RateLimitError with retry-after when the upstream queue is full', async () => {
    const provider = fake('Alpha', [fail(new QueueFullError({ detail: 'Queue is full.', retryAfterMs: 3_000 }))]);
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    const failure = await client(baseURL)
      .chat.completions.create({ model: 'shared', messages: hello, stream: true })
      .catch((error) => error);
    expect(failure).toBeInstanceOf(OpenAI.RateLimitError);
    expect(failure.code).toBe('ALL_PROVIDERS_FAILED');
    expect(failure.headers.get('retry-after')).toBe('3');
    expect(failure.headers.get('x-should-retry')).toBe('true');
  });

  it('throws APIError after the text already received when the upstream fails mid-answer', async () => {
    const truncated = new StreamTruncatedError('the connection dropped');
    const provider = fake('Alpha', [text('Partial '), text('answer'), fail(truncated)]);
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    const stream = await client(baseURL).chat.completions.create({ model: 'shared', messages: hello, stream: true });
    let received = '';
    const failure = await (async () => {
      for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
    })().catch((error) => error);
    expect(received).toBe('Partial answer');
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure).toMatchObject({ status: undefined, code: 'STREAM_TRUNCATED' });
    expect(failure.message).toContain('the connection dropped');
  });

  it('cancels the upstream when the client aborts', async () => {
    const provider = fake('Alpha', [text('first'), hang()]);
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    const controller = new AbortController();
    const stream = await client(baseURL).chat.completions.create(
      { model: 'shared', messages: hello, stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    controller.abort();
    await expect.poll(() => provider.calls[0]!.signal?.aborted, { timeout: 2_000 }).toBe(true);
  });

  it('refuses a wrong key with AuthenticationError and accepts the right one', async () => {
    const { baseURL } = await gateways.start({
      registry: registryOf([fake('Alpha', [text('ok'), finish()])]),
      apiKeys: ['right-key'],
    });
    const failure = await client(baseURL, 'wrong-key').chat.completions.create({ model: 'shared', messages: hello }).catch((error) => error);
    expect(failure).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(failure.code).toBe('INVALID_API_KEY');
    const completion = await client(baseURL, 'right-key').chat.completions.create({ model: 'shared', messages: hello });
    expect(completion.choices[0]!.message.content).toBe('ok');
  });

  it('works with the .stream() helper: role, finish reason and final message', async () => {
    const provider = fake('Alpha', [text('Hel'), text('lo'), finish()]);
    const { baseURL } = await gateways.start({ registry: registryOf([provider]) });
    const runner = client(baseURL).chat.completions.stream({ model: 'shared', messages: hello });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: 'Hello' } });
  });

  it('carries a rewrite of earlier text in delta.switchboard_revision, through .stream() too', async () => {
    const steps = [text('The cat'), part({ type: 'text-revision', text: 'The dog' }), text(' sat'), finish()];
    const { baseURL } = await gateways.start({ registry: registryOf([fake('Alpha', steps)]) });
    const openai = client(baseURL);
    const stream = await openai.chat.completions.create({ model: 'shared', messages: hello, stream: true });
    const revisions: string[] = [];
    for await (const chunk of stream) {
      const revision = (chunk.choices[0]?.delta as { switchboard_revision?: string } | undefined)?.switchboard_revision;
      if (revision !== undefined) revisions.push(revision);
    }
    expect(revisions).toEqual(['The dog']);
    const final = await openai.chat.completions.stream({ model: 'shared', messages: hello }).finalChatCompletion();
    expect(final.choices[0]!.finish_reason).toBe('stop');
    expect((final.choices[0]!.message as { switchboard_revision?: string }).switchboard_revision).toBe('The dog');
    const plain = await openai.chat.completions.create({ model: 'shared', messages: hello });
    expect(plain.choices[0]!.message.content).toBe('The dog sat');
  });
});
