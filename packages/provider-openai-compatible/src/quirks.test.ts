import { applyTextPart, type ChatRequest, type StreamPart } from '@switchboard/core';
import type { OpenAIEmulatorOptions } from '@switchboard/testing';
import { readParts } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedUpstreams } from '../test/emulated-provider.js';

const upstreams = new EmulatedUpstreams();
afterEach(() => upstreams.closeAll());

const answer = 'A lenient client reads every quirk.';
const request: ChatRequest = { messages: [{ role: 'user', content: 'abcdefgh' }] };

async function partsFor(options: OpenAIEmulatorOptions) {
  const { provider } = await upstreams.start({ answer, ...options });
  const result = await readParts(provider.createAsyncGenerator(request));
  expect(result.error).toBeUndefined();
  return result.parts;
}

const textOf = (parts: StreamPart[]) => parts.reduce(applyTextPart, '');
const finishOf = (parts: StreamPart[]) => parts.filter((part) => part.type === 'finish');

describe('quirks of OpenAI-compatible servers', () => {
  it('finishes with "stop" when the finish reason is "" and [DONE] follows (Ollama)', async () => {
    const parts = await partsFor({ quirks: { finishReason: '' } });
    expect(textOf(parts)).toBe(answer);
    expect(finishOf(parts)).toEqual([{ type: 'finish', reason: 'stop', usage: expect.objectContaining({ outputTokens: 9 }) }]);
  });

  it('finishes with "stop" when no chunk carries a finish reason but [DONE] arrives', async () => {
    const parts = await partsFor({ quirks: { finishReason: null } });
    expect(textOf(parts)).toBe(answer);
    expect(finishOf(parts)).toMatchObject([{ reason: 'stop' }]);
  });

  it('tolerates a chunk id that changes on every chunk (llama.cpp)', async () => {
    const parts = await partsFor({ quirks: { changingIds: true } });
    expect(textOf(parts)).toBe(answer);
    expect(finishOf(parts)).toHaveLength(1);
  });

  it('ignores comment lines before and between chunks (OpenRouter)', async () => {
    const parts = await partsFor({ quirks: { comment: 'OPENROUTER PROCESSING' } });
    expect(textOf(parts)).toBe(answer);
    expect(parts.every((part) => part.type === 'text-delta' || part.type === 'finish')).toBe(true);
  });

  it('takes usage sent before the finish chunk', async () => {
    const parts = await partsFor({ quirks: { usage: 'before-finish' } });
    expect(finishOf(parts)).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 2, outputTokens: 9, source: 'upstream' } }]);
  });

  it('takes the last usage when it comes twice', async () => {
    const parts = await partsFor({ quirks: { usage: 'twice' } });
    expect(finishOf(parts)[0]).toMatchObject({ usage: { outputTokens: 9 } });
  });

  it('takes the last running count when usage is on every chunk (vLLM)', async () => {
    const parts = await partsFor({ quirks: { usage: 'every-chunk' } });
    expect(finishOf(parts)[0]).toMatchObject({ usage: { inputTokens: 2, outputTokens: 9 } });
  });

  it('finishes without usage when the server never sends it', async () => {
    const parts = await partsFor({ quirks: { usage: 'never' } });
    expect(finishOf(parts)).toEqual([{ type: 'finish', reason: 'stop' }]);
  });

  it('finishes a stream that had a finish reason but no [DONE]', async () => {
    const parts = await partsFor({ quirks: { omitDone: true } });
    expect(textOf(parts)).toBe(answer);
    expect(finishOf(parts)).toMatchObject([{ reason: 'stop', usage: { outputTokens: 9 } }]);
  });

  it('reads a first chunk without a role', async () => {
    const parts = await partsFor({ quirks: { omitRole: true } });
    expect(textOf(parts)).toBe(answer);
  });

  it('reads one chat.completion JSON body from a server that ignores stream: true', async () => {
    const parts = await partsFor({ quirks: { ignoreStream: true } });
    expect(parts).toEqual([
      { type: 'text-delta', text: answer },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 2, outputTokens: 9, source: 'upstream' } },
    ]);
  });
});
