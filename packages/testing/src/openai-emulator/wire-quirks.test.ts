import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenAIEmulator, OpenAIEmulatorOptions } from './openai-emulator-options.js';
import { startOpenAIEmulator } from './start-openai-emulator.js';

const running: OpenAIEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

const chatBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hello there' }], stream: true, ...extra });

/** Posts a streaming chat request and returns the raw body text (or the error that ended it). */
async function rawStream(options: OpenAIEmulatorOptions, extra: Record<string, unknown> = {}) {
  const emulator = await startOpenAIEmulator(options);
  running.push(emulator);
  const response = await request(`${emulator.baseUrl}/chat/completions`, { method: 'POST', body: chatBody(extra) });
  let text = '';
  let error: unknown;
  try {
    for await (const chunk of response.body) text += chunk.toString();
  } catch (caught) {
    error = caught;
  }
  const dataLines = text.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
  return { emulator, response, text, error, dataLines };
}

const parsed = (dataLines: string[]) =>
  dataLines.filter((line) => line !== '[DONE]').map((line) => JSON.parse(line) as { choices: any[]; usage?: any });

describe('OpenAI emulator wire quirks', () => {
  it.each([
    ['after-finish', ['text', 'finish', 'usage:4']],
    ['before-finish', ['usage:4', 'finish']],
    ['twice', ['usage:3', 'finish', 'usage:4']],
    ['never', ['finish']],
  ] as const)('places usage %s', async (usage, expectedTail) => {
    const { dataLines } = await rawStream({ answer: 'abcdefghijklmnop', quirks: { usage } }, { stream_options: { include_usage: true } });
    const shape = parsed(dataLines).map((chunk) =>
      chunk.choices.length === 0 ? `usage:${chunk.usage.completion_tokens}` : chunk.choices[0].finish_reason ? 'finish' : 'text',
    );
    expect(shape.slice(-expectedTail.length)).toEqual(expectedTail);
    expect(dataLines.at(-1)).toBe('[DONE]');
  });

  it('puts a running count on every chunk for continuous usage', async () => {
    const { dataLines } = await rawStream({ answer: 'abcdefgh', quirks: { usage: 'every-chunk' } }, { stream_options: { include_usage: true } });
    expect(parsed(dataLines).map((chunk) => chunk.usage.completion_tokens)).toEqual([0, 1, 2, 2]);
  });

  it('sends no usage field when the request did not ask for it', async () => {
    const { dataLines } = await rawStream({ answer: 'abcd' });
    expect(parsed(dataLines).every((chunk) => !('usage' in chunk))).toBe(true);
  });

  it('can leave out [DONE], the role, and the finish chunk', async () => {
    const { dataLines } = await rawStream({ answer: 'abcd', quirks: { omitDone: true, omitRole: true, finishReason: null } });
    expect(dataLines).not.toContain('[DONE]');
    expect(parsed(dataLines).map((chunk) => chunk.choices[0].delta)).toEqual([{ content: '' }, { content: 'abcd' }]);
  });

  it('ends the body cleanly without finish or [DONE] for end-without-done', async () => {
    const { dataLines, error, emulator } = await rawStream({ answer: 'abcdefgh', fault: { kind: 'end-without-done', afterTokens: 1 } });
    expect(error).toBeUndefined();
    expect(parsed(dataLines).map((chunk) => chunk.choices[0].delta.content)).toEqual(['', 'abcd']);
    expect(dataLines).not.toContain('[DONE]');
    expect(emulator.streamsClosedByClient).toBe(0);
  });

  it('sends one event that is not JSON, then goes on', async () => {
    const { dataLines } = await rawStream({ answer: 'abcdefgh', fault: { kind: 'malformed-json', afterTokens: 1 } });
    expect(() => JSON.parse(dataLines[2]!)).toThrow();
    expect(dataLines.at(-1)).toBe('[DONE]');
  });

  it('sends an event of exactly the asked size', async () => {
    const { text } = await rawStream({ answer: 'abcd', fault: { kind: 'oversized-event', bytes: 200_000 } });
    const line = text.split('\n').find((candidate) => candidate.startsWith('data: {"padding"'));
    expect(Buffer.byteLength(line!)).toBe(200_000);
  });

  it('can send an error event followed by [DONE]', async () => {
    const data = { object: 'error', message: 'out of memory', code: 500 };
    const { dataLines } = await rawStream({ answer: 'abcd', fault: { kind: 'error-event', data, sendDone: true } });
    expect(dataLines.slice(-2)).toEqual([JSON.stringify(data), '[DONE]']);
  });

  it('destroys the socket mid-stream for drop-connection, which is not counted as the client leaving', async () => {
    const { error, text, emulator } = await rawStream({ answer: 'abcdefgh', fault: { kind: 'drop-connection', afterTokens: 1 } });
    expect(error).toBeDefined();
    expect(text.endsWith('data: {"id":"')).toBe(true);
    expect(emulator.closedStreams).toBe(1);
    expect(emulator.streamsClosedByClient).toBe(0);
  });

  it('resets the connection without any answer', async () => {
    const emulator = await startOpenAIEmulator({ fault: { kind: 'reset' } });
    running.push(emulator);
    const failure = await request(`${emulator.baseUrl}/chat/completions`, { method: 'POST', body: chatBody() }).catch((error: unknown) => error);
    expect((failure as { code?: string }).code).toBe('UND_ERR_SOCKET');
  });

  it('keeps a stalled stream open until closed, then stops it', async () => {
    const emulator = await startOpenAIEmulator({ answer: 'abcdefgh', fault: { kind: 'stall', afterTokens: 1 } });
    running.push(emulator);
    const response = await request(`${emulator.baseUrl}/chat/completions`, { method: 'POST', body: chatBody() });
    const iterator = response.body[Symbol.asyncIterator]();
    let text = '';
    while (!text.includes('abcd')) text += String((await iterator.next()).value);
    expect(emulator.openStreams).toBe(1);
    const closed = emulator.waitForStreamClose();
    await emulator.close();
    await closed;
    expect(emulator.openStreams).toBe(0);
    await expect(iterator.next()).rejects.toThrow();
  });

  it('answers unknown paths and invalid bodies with OpenAI error bodies', async () => {
    const emulator = await startOpenAIEmulator();
    running.push(emulator);
    const missing = await request(`${emulator.url}/v2/nothing`);
    expect(missing.statusCode).toBe(404);
    expect(await missing.body.json()).toMatchObject({ error: { code: 'unknown_url' } });
    const invalid = await request(`${emulator.baseUrl}/chat/completions`, { method: 'POST', body: '{"messages":[]}' });
    expect(invalid.statusCode).toBe(400);
    expect(await invalid.body.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});
