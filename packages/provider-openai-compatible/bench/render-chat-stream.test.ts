import { describe, expect, it } from 'vitest';
import { BoundedSseDecoder } from '../src/bounded-sse-decoder.js';
import { benchAnswer, benchDeltas } from './bench-answer.js';
import { renderChatStream } from './render-chat-stream.js';

describe('renderChatStream', () => {
  it('renders OpenAI chunks whose deltas make the bench answer, a finish chunk, a usage chunk and [DONE]', () => {
    const rendered = renderChatStream('bench-50', 50);
    const decoder = new BoundedSseDecoder(1 << 20);
    const events = [...decoder.push(rendered.body), ...decoder.end()];
    expect(events).toHaveLength(rendered.events);
    expect(events.at(-1)!.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'bench-50')).toBe(true);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(benchAnswer(50));
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 50 } });
  });

  it('makes an answer with escapes and multi-byte characters in it', () => {
    const answer = benchDeltas(2000).join('');
    for (const sample of ['\n', '"', '\\', '\t', 'é', '東京', '🦊']) expect(answer).toContain(sample);
  });
});
