import OpenAI from 'openai';
import { benchQuestion, heldQuestion } from '../bench-answer.js';
import { benchModels } from '../bench-registry.js';
import { checkAnswer } from '../check-answer.js';
import { serveCalls } from '../serve-calls.js';

/** What `finish` reports once every held stream ended. */
export interface HeldStreamsOutcome {
  streams: number;
  /** Streams whose final text was the expected answer. */
  right: number;
  /** Streams that failed (HTTP error, broken stream) or ended with another text. */
  failed: number;
  /** The first failure's message, if any. */
  firstFailure?: string;
  /** From `release` being called to the last stream's end. */
  finishMs: number;
}

interface HeldStream {
  firstContent: Promise<void>;
  done: Promise<void>;
}

const [gatewayUrl] = process.argv.slice(2) as [string];
const client = new OpenAI({ baseURL: `${gatewayUrl}/v1`, apiKey: 'unused', maxRetries: 0, timeout: 300_000 });
let held: HeldStream[] = [];
const failures: string[] = [];
let right = 0;

/** Reads one answer to its end, checking it; `firstContent` settles with its first text. */
function holdOne(tokens: number): HeldStream {
  let onFirst: () => void = () => undefined;
  let onFailure: (error: unknown) => void = () => undefined;
  const firstContent = new Promise<void>((resolve, reject) => ((onFirst = resolve), (onFailure = reject)));
  const done = (async () => {
    const stream = await client.chat.completions.create({ model: benchModels.qwen, messages: [{ role: 'user', content: heldQuestion(tokens) }], stream: true });
    let text = '';
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (!content) continue;
      if (text === '') onFirst();
      text += content;
    }
    checkAnswer(text, tokens);
    right++;
  })().catch((error: unknown) => {
    failures.push(error instanceof Error ? error.message : String(error));
    onFailure(error);
  });
  return { firstContent, done };
}

/**
 * Holds many answers open through the gateway with the official `openai` client:
 * `stream-holder.js <gateway URL>`. Calls: `warm` (short answers one after another), `open`
 * (`{ streams, tokens, batch }`: opens held answers, a batch at a time, and resolves once
 * each has shown its first text) and `finish` (waits for every held answer to end and
 * reports a {@link HeldStreamsOutcome}).
 */
serveCalls(gatewayUrl, {
  async warm(count) {
    for (let index = 0; index < (count as number); index++) {
      const stream = await client.chat.completions.create({ model: benchModels.qwen, messages: [{ role: 'user', content: benchQuestion(8) }], stream: true });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      checkAnswer(text, 8);
    }
  },
  async open(argument) {
    const { streams, tokens, batch } = argument as { streams: number; tokens: number; batch: number };
    held = [];
    for (let opened = 0; opened < streams; opened += batch) {
      const next = Array.from({ length: Math.min(batch, streams - opened) }, () => holdOne(tokens));
      held.push(...next);
      await Promise.all(next.map((stream) => stream.firstContent));
    }
  },
  async finish() {
    const startedAt = performance.now();
    await Promise.all(held.map((stream) => stream.done));
    const outcome: HeldStreamsOutcome = { streams: held.length, right, failed: failures.length, firstFailure: failures[0], finishMs: performance.now() - startedAt };
    return outcome;
  },
});
