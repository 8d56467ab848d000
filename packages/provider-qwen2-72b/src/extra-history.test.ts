import { applyTextPart, type ChatMessage } from '@switchboard/core';
import type { EmulatedGradioVersion } from '@switchboard/gradio-emulator';
import { readParts } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { createQwen2_72BProvider } from './create-qwen2-72b-provider.js';
import { QwenSpaceEmulatorPool, type QwenSpaceAppOptions } from './testing/index.js';

const emulators = new QwenSpaceEmulatorPool();
afterEach(() => emulators.closeAll());

const earlierTurns: ChatMessage[] = [
  { role: 'user', content: 'first question' },
  { role: 'assistant', content: 'first answer' },
  { role: 'user', content: 'second question' },
  { role: 'assistant', content: 'second answer' },
];
const answer = 'The new answer, streamed in pieces.';

const rewrites: Array<[string, QwenSpaceAppOptions['rewriteHistory']]> = [
  ['prepends an extra pair', (history) => [['(restored)', 'an older answer the Space remembered'], ...history]],
  ['keeps only the last turn', (history) => history.slice(-1)],
  ['drops the whole history', () => []],
];

describe.each<EmulatedGradioVersion>(['4.16', '4.36', '5'])('a Space returning a different history than it was sent (Gradio %s)', (version) => {
  it.each(rewrites)('yields exactly the new answer when the Space %s', async (_name, rewriteHistory) => {
    const emulator = await emulators.start({ version, answer, tokenSize: 5, rewriteHistory });
    const provider = createQwen2_72BProvider({ baseUrl: emulator.url });
    const { parts, error } = await readParts(
      provider.createAsyncGenerator({ model: 'qwen-2-72b', messages: [...earlierTurns, { role: 'user', content: 'third question' }] }),
    );
    expect(error).toBeUndefined();
    const join = emulator.requests.find((request) => request.path.endsWith('/queue/join'));
    expect((join?.body as { data: unknown[] }).data[1]).toEqual([
      ['first question', 'first answer'],
      ['second question', 'second answer'],
    ]);
    expect(parts.filter((part) => part.type === 'text-revision')).toEqual([]);
    expect(parts.reduce(applyTextPart, '')).toBe(answer);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });
});
