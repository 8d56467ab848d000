import { describe, expect, it } from 'vitest';
import { CompletionChunks } from './completion-chunks.js';

const awkwardTexts = ['', 'Hello', 'say "hi"\n\tthen \\ leave', 'caf\u00e9 \u{1f600} \u2028 \u0000', '\ud800 lone surrogate', '\u0000content\u0000'];

describe('CompletionChunks.contentJson', () => {
  it('renders exactly the JSON of delta({ content }), with and without the usage field', () => {
    for (const includeUsage of [false, true]) {
      const chunks = new CompletionChunks('qwen-2-72b', includeUsage);
      for (const content of awkwardTexts) {
        expect(chunks.contentJson(content)).toBe(JSON.stringify(chunks.delta({ content })));
      }
      expect(JSON.parse(chunks.contentJson('Hi'))).toMatchObject({ choices: [{ delta: { content: 'Hi' }, finish_reason: null }] });
    }
  });

  it('stays exact whatever the model name holds, the marker it splits on included', () => {
    for (const model of awkwardTexts) {
      const chunks = new CompletionChunks(model, true);
      expect(chunks.contentJson('text "quoted"')).toBe(JSON.stringify(chunks.delta({ content: 'text "quoted"' })));
    }
  });
});
