import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenAIEmulator, OpenAIEmulatorOptions } from './openai-emulator-options.js';
import { startOpenAIEmulator } from './start-openai-emulator.js';

const running: OpenAIEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function start(options: OpenAIEmulatorOptions = {}): Promise<{ emulator: OpenAIEmulator; client: OpenAI }> {
  const emulator = await startOpenAIEmulator(options);
  running.push(emulator);
  const client = new OpenAI({ apiKey: options.apiKey ?? 'test-key', baseURL: emulator.baseUrl, maxRetries: 0 });
  return { emulator, client };
}

const messages = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Name a fox.' },
];
const answer = 'Vulpes vulpes, the red fox 🦊.';

describe('the OpenAI emulator, as the official openai client sees it', () => {
  it('streams the answer in chunks with one id, one finish reason and a trailing usage chunk', async () => {
    const { emulator, client } = await start({ answer, tokenSize: 5 });
    const stream = await client.chat.completions.create({
      model: 'emulated-model',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(answer);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason)).filter(Boolean)).toEqual(['stop']);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 6, prompt_tokens: 5, total_tokens: 11 } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(emulator.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'emulated-model', messages, stream: true, stream_options: { include_usage: true } },
    });
    expect(emulator.requests[0]!.headers.authorization).toBe('Bearer test-key');
  });

  it('satisfies the stream helper, which checks role and finish reason', async () => {
    const { client } = await start({ answer });
    const completion = await client.chat.completions.stream({ model: 'emulated-model', messages }).finalChatCompletion();
    expect(completion.choices[0]).toMatchObject({ message: { role: 'assistant', content: answer }, finish_reason: 'stop' });
  });

  it('answers a request without stream as one chat.completion with usage', async () => {
    const { client } = await start({ answer: (request) => `echo: ${String(request.messages.at(-1)?.content)}` });
    const completion = await client.chat.completions.create({ model: 'emulated-model', messages });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'echo: Name a fox.' }, finish_reason: 'stop' });
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 });
  });

  it('cuts the answer at max_tokens chunks with finish_reason "length"', async () => {
    const { client } = await start({ answer: 'abcdefghij', tokenSize: 2 });
    const completion = await client.chat.completions.create({ model: 'emulated-model', messages, max_tokens: 3 });
    expect(completion.choices[0]).toMatchObject({ message: { content: 'abcdef' }, finish_reason: 'length' });
  });

  it('lists its models', async () => {
    const { client } = await start({ models: ['small', 'large'] });
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual(['small', 'large']);
  });

  it('refuses a wrong API key with 401 invalid_api_key', async () => {
    const emulator = await startOpenAIEmulator({ apiKey: 'right-key' });
    running.push(emulator);
    const client = new OpenAI({ apiKey: 'wrong-key', baseURL: emulator.baseUrl, maxRetries: 0 });
    const failure = await client.chat.completions.create({ model: 'emulated-model', messages }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(failure).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(emulator.chatRequests).toBe(0);
  });

  it('answers 429 with retry-after, which the client honours before retrying', async () => {
    const emulator = await startOpenAIEmulator({
      answer,
      fault: (number) => (number === 0 ? { kind: 'rate-limited', retryAfterMs: 10 } : undefined),
    });
    running.push(emulator);
    const client = new OpenAI({ apiKey: 'k', baseURL: emulator.baseUrl, maxRetries: 1 });
    const completion = await client.chat.completions.create({ model: 'emulated-model', messages });
    expect(completion.choices[0]!.message.content).toBe(answer);
    expect(emulator.chatRequests).toBe(2);
    expect(emulator.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
  });

  it('gives the client a typed error for each error reply', async () => {
    const cases: Array<[OpenAIEmulatorOptions['fault'], unknown, number]> = [
      [{ kind: 'rate-limited', retryAfterSeconds: 2 }, OpenAI.RateLimitError, 429],
      [{ kind: 'html-error' }, OpenAI.InternalServerError, 502],
      [{ kind: 'flat-error', message: 'The model `x` does not exist.' }, OpenAI.BadRequestError, 400],
      [{ kind: 'status', status: 503, body: 'upstream busy' }, OpenAI.InternalServerError, 503],
    ];
    for (const [fault, errorClass, status] of cases) {
      const { client } = await start({ fault });
      const failure = await client.chat.completions.create({ model: 'emulated-model', messages }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(errorClass as typeof OpenAI.APIError);
      expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
    }
  });

  it('makes the client throw on an error event in the middle of a stream', async () => {
    const { client } = await start({ answer, fault: { kind: 'error-event', afterTokens: 2 } });
    const stream = await client.chat.completions.create({ model: 'emulated-model', messages, stream: true });
    let text = '';
    const failure = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toContain('The model failed while generating the answer.');
    expect(text).toBe(answer.slice(0, 8));
  });

  it('keeps the client working through comment lines, changing ids and Ollama\'s empty finish reason', async () => {
    const { client } = await start({ answer, quirks: { comment: 'OPENROUTER PROCESSING', changingIds: true, finishReason: '' } });
    const stream = await client.chat.completions.create({ model: 'emulated-model', messages, stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(answer);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('');
  });

  it('closes the stream when the client aborts, and counts it as closed by the client', async () => {
    const { emulator, client } = await start({ answer: 'x'.repeat(400), tokenSize: 1, tokenDelayMs: 20 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'emulated-model', messages, stream: true },
      { signal: controller.signal },
    );
    const closed = emulator.waitForStreamClose();
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (text !== '') controller.abort();
    }
    // The client ends an aborted stream quietly rather than throwing.
    expect(text).toBe('x');
    await closed;
    expect(emulator.streamsClosedByClient).toBe(1);
    expect(emulator.openStreams).toBe(0);
  });
});
