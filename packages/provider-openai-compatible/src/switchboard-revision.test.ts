import { applyTextPart } from '@switchboard/core';
import { startScriptedServer, type ScriptedServer, type SseStep } from '@switchboard/testing';
import { readParts } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider } from './create-openai-compatible-provider.js';

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
  data: { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finishReason }] },
});

async function partsFrom(steps: readonly SseStep[]) {
  const server = await startScriptedServer({ routes: { 'POST /v1/chat/completions': { sse: steps } } });
  servers.push(server);
  const provider = createOpenAICompatibleProvider({ name: 'Gateway', baseUrl: `${server.url}/v1`, models: ['m'] });
  try {
    return await readParts(provider.createAsyncGenerator({ messages: [{ role: 'user', content: 'hi' }] }));
  } finally {
    await provider.close();
  }
}

describe('the switchboard_revision extension of a Switchboard gateway', () => {
  it('turns a revised answer into a text-revision part, so the final text is the revised one', async () => {
    const { parts, error } = await partsFrom([
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: '1. **Ti' }),
      chunk({ content: 'tle**\n   det' }),
      chunk({ content: '', switchboard_revision: '1. **Title**\ndet' }),
      chunk({ content: 'ail' }),
      chunk({}, 'stop'),
      { data: '[DONE]' },
    ]);
    expect(error).toBeUndefined();
    expect(parts).toEqual([
      { type: 'text-delta', text: '1. **Ti' },
      { type: 'text-delta', text: 'tle**\n   det' },
      { type: 'text-revision', text: '1. **Title**\ndet' },
      { type: 'text-delta', text: 'ail' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(parts.reduce(applyTextPart, '')).toBe('1. **Title**\ndetail');
  });

  it('applies content sent beside a revision after it, and keeps the revised text as the partial text of a failure', async () => {
    const { parts, error } = await partsFrom([
      chunk({ content: 'Draft' }),
      chunk({ content: ' more', switchboard_revision: 'Final' }),
      { data: { error: { message: 'the Space dropped the connection', type: 'server_error', code: 'STREAM_TRUNCATED' } } },
    ]);
    expect(parts).toEqual([
      { type: 'text-delta', text: 'Draft' },
      { type: 'text-revision', text: 'Final more' },
    ]);
    expect(error).toMatchObject({ code: 'STREAM_TRUNCATED', partialText: 'Final more' });
  });

  it('ignores a revision field that is not text', async () => {
    const { parts } = await partsFrom([chunk({ content: 'kept', switchboard_revision: null }), chunk({}, 'stop'), { data: '[DONE]' }]);
    expect(parts).toEqual([
      { type: 'text-delta', text: 'kept' },
      { type: 'finish', reason: 'stop' },
    ]);
  });
});
