import type { ChatRequest } from '@switchboard/core';
import { readParts } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedUpstreams } from '../test/emulated-provider.js';

const upstreams = new EmulatedUpstreams();
afterEach(() => upstreams.closeAll());

const conversation: ChatRequest['messages'] = [
  { role: 'system', content: 'Answer in French.' },
  { role: 'user', content: 'Hello' },
  { role: 'assistant', content: 'Bonjour' },
  { role: 'user', content: [{ type: 'text', text: 'How are ' }, { type: 'text', text: 'you?' }] },
];

describe('OpenAICompatibleProvider streaming', () => {
  it('sends the whole conversation as strings, streaming with usage requested', async () => {
    const { emulator, provider } = await upstreams.start({ answer: 'Très bien.' });
    await readParts(provider.createAsyncGenerator({ model: 'emu', messages: conversation }));
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(emulator.requests[0]!.body).toEqual({
      model: 'emulated-model',
      messages: [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Bonjour' },
        { role: 'user', content: 'How are you?' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends the generation settings it declares under their wire names', async () => {
    const { emulator, provider } = await upstreams.start();
    const settings = { temperature: 0.3, maxOutputTokens: 50, topP: 0.9, stop: ['END'], seed: 42 };
    await readParts(provider.createAsyncGenerator({ messages: conversation, ...settings }));
    expect(emulator.requests[0]!.body).toMatchObject({ temperature: 0.3, max_tokens: 50, top_p: 0.9, stop: ['END'], seed: 42 });
  });

  it('leaves out the generation settings it does not declare', async () => {
    const { emulator, provider } = await upstreams.start({}, { supportedSettings: ['temperature'] });
    await readParts(provider.createAsyncGenerator({ messages: conversation, temperature: 1, seed: 7, stop: ['x'] }));
    const body = emulator.requests[0]!.body as Record<string, unknown>;
    expect(body.temperature).toBe(1);
    expect(Object.keys(body)).not.toContain('seed');
    expect(Object.keys(body)).not.toContain('stop');
  });

  it('sends the bearer key, JSON and event-stream headers, and the configured extra headers', async () => {
    const { emulator, provider } = await upstreams.start({ apiKey: 'sk-test' }, { apiKey: 'sk-test', headers: { 'X-Title': 'Switchboard' } });
    const { error } = await readParts(provider.createAsyncGenerator({ messages: conversation }));
    expect(error).toBeUndefined();
    expect(emulator.requests[0]!.headers).toMatchObject({
      authorization: 'Bearer sk-test',
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'x-title': 'Switchboard',
    });
  });

  it('yields the answer as text deltas and one finish part carrying the upstream usage', async () => {
    const { provider } = await upstreams.start({ answer: 'Très bien, merci ! 🦊', tokenSize: 3 });
    const { parts, error } = await readParts(provider.createAsyncGenerator({ messages: [{ role: 'user', content: 'abcdefgh' }] }));
    expect(error).toBeUndefined();
    const deltas = parts.filter((part) => part.type === 'text-delta').map((part) => part.text);
    expect(deltas).toEqual(['Trè', 's b', 'ien', ', m', 'erc', 'i !', ' 🦊']);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop', usage: { inputTokens: 2, outputTokens: 7, source: 'upstream' } });
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
  });

  it('does not ask for usage when includeUsage is off, and finishes without it', async () => {
    const { emulator, provider } = await upstreams.start({ answer: 'ok' }, { includeUsage: false });
    const { parts } = await readParts(provider.createAsyncGenerator({ messages: conversation }));
    expect(emulator.requests[0]!.body).not.toHaveProperty('stream_options');
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('maps finish_reason "length" to a length finish', async () => {
    const { provider } = await upstreams.start({ answer: 'abcdefghijkl', tokenSize: 2 });
    const { parts } = await readParts(provider.createAsyncGenerator({ messages: conversation, maxOutputTokens: 2 }));
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text).join('')).toBe('abcd');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', reason: 'length' });
  });

  it('rejects a model it does not serve before sending anything', async () => {
    const { emulator, provider } = await upstreams.start();
    const { error } = await readParts(provider.createAsyncGenerator({ model: 'gpt-4', messages: conversation }));
    expect(error).toMatchObject({ code: 'MODEL_NOT_SUPPORTED', provider: 'Emulated' });
    expect(emulator.requests).toEqual([]);
  });
});
