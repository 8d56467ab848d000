import OpenAI from 'openai';
import { benchQuestion } from '../bench-answer.js';
import { benchModels } from '../bench-registry.js';
import { checkAnswer } from '../check-answer.js';
import { peerAnswer } from '../peer-answer.js';
import { serveCalls } from '../serve-calls.js';

/** Where requests go: an OpenAI base URL and the headers every request carries. */
export interface LoadTarget {
  name: string;
  baseURL: string;
  headers?: Record<string, string>;
}

/** What a batch of requests gave. */
export interface LoadOutcome {
  requests: number;
  /** Requests answered with the right text. */
  right: number;
  failed: number;
  firstFailure?: string;
  elapsedMs: number;
  /** Per right answer: non-streaming, until the whole completion; streaming, until the first chunk. */
  firstByteMs: number[];
}

const answerTokens = peerAnswer.tokens;
const clients = new Map<string, OpenAI>();

function clientFor(target: LoadTarget): OpenAI {
  let client = clients.get(target.name);
  if (client === undefined) {
    client = new OpenAI({ baseURL: target.baseURL, apiKey: 'sk-bench-unused', maxRetries: 0, timeout: 60_000, defaultHeaders: target.headers });
    clients.set(target.name, client);
  }
  return client;
}

/** One request with the official client; resolves with its first-byte time, throws on a wrong or failed answer. */
async function ask(target: LoadTarget, stream: boolean): Promise<number> {
  const client = clientFor(target);
  const messages = [{ role: 'user' as const, content: benchQuestion(answerTokens) }];
  const startedAt = performance.now();
  if (!stream) {
    const completion = await client.chat.completions.create({ model: benchModels.openai, messages });
    const firstByteMs = performance.now() - startedAt;
    checkAnswer(completion.choices[0]?.message.content ?? '', answerTokens);
    return firstByteMs;
  }
  let firstByteMs = Number.NaN;
  let text = '';
  for await (const chunk of await client.chat.completions.create({ model: benchModels.openai, messages, stream: true })) {
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - startedAt;
    text += chunk.choices[0]?.delta.content ?? '';
  }
  checkAnswer(text, answerTokens);
  return firstByteMs;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 300) : String(error);
}

/**
 * Sends bench requests with the official `openai` client to the targets it is given:
 * `run` (`{ target, stream, requests, concurrency }`: that many requests, that many at a
 * time) and `alternate` (`{ targets, stream, rounds }`: one request to each target in turn,
 * one at a time, for latency). Both report a {@link LoadOutcome} per target.
 */
serveCalls('load-client', {
  async run(argument) {
    const { target, stream, requests, concurrency } = argument as { target: LoadTarget; stream: boolean; requests: number; concurrency: number };
    const outcome: LoadOutcome = { requests, right: 0, failed: 0, elapsedMs: 0, firstByteMs: [] };
    let next = 0;
    const startedAt = performance.now();
    const lane = async () => {
      while (next < requests) {
        next++;
        try {
          outcome.firstByteMs.push(await ask(target, stream));
          outcome.right++;
        } catch (error) {
          outcome.failed++;
          outcome.firstFailure ??= describe(error);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    outcome.elapsedMs = performance.now() - startedAt;
    return outcome;
  },
  async alternate(argument) {
    const { targets, stream, rounds } = argument as { targets: LoadTarget[]; stream: boolean; rounds: number };
    const outcomes = targets.map((): LoadOutcome => ({ requests: rounds, right: 0, failed: 0, elapsedMs: 0, firstByteMs: [] }));
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < targets.length; turn++) {
        const index = (round + turn) % targets.length;
        const outcome = outcomes[index]!;
        try {
          outcome.firstByteMs.push(await ask(targets[index]!, stream));
          outcome.right++;
        } catch (error) {
          outcome.failed++;
          outcome.firstFailure ??= describe(error);
        }
      }
    }
    return outcomes;
  },
});
