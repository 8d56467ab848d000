import { applyTextPart } from '@switchboard/core';
import OpenAI from 'openai';
import { request } from 'undici';
import { benchQuestion } from '../bench-answer.js';
import { benchModels, benchRegistry } from '../bench-registry.js';
import { checkAnswer } from '../check-answer.js';
import { processUsage } from '../process-usage.js';
import { serveCalls } from '../serve-calls.js';

/** One answer read, timed from the call. */
export interface AnswerTiming {
  elapsedMs: number;
  /** Until the first non-empty text. */
  firstTokenMs: number;
}

type ReadAnswer = (count: number) => Promise<AnswerTiming>;

const messagesFor = (count: number) => [{ role: 'user' as const, content: benchQuestion(count) }];

/** Streams from a registry in this process: the Qwen provider straight to the Space. */
function inProcessReader(spaceUrl: string): ReadAnswer {
  const registry = benchRegistry('qwen', spaceUrl);
  return async (count) => {
    const startedAt = performance.now();
    let firstTokenMs = Number.NaN;
    let text = '';
    for await (const part of registry.stream({ model: benchModels.qwen, messages: messagesFor(count) })) {
      text = applyTextPart(text, part);
      if (Number.isNaN(firstTokenMs) && text !== '') firstTokenMs = performance.now() - startedAt;
    }
    const elapsedMs = performance.now() - startedAt;
    checkAnswer(text, count);
    return { elapsedMs, firstTokenMs };
  };
}

/** Streams through the gateway with the official `openai` client, concatenating the deltas. */
function gatewayReader(gatewayUrl: string): ReadAnswer {
  const client = new OpenAI({ baseURL: `${gatewayUrl}/v1`, apiKey: 'unused', maxRetries: 0, timeout: 600_000 });
  return async (count) => {
    const startedAt = performance.now();
    let firstTokenMs = Number.NaN;
    let text = '';
    const stream = await client.chat.completions.create({ model: benchModels.qwen, messages: messagesFor(count), stream: true });
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (!content) continue;
      if (text === '') firstTokenMs = performance.now() - startedAt;
      text += content;
    }
    const elapsedMs = performance.now() - startedAt;
    checkAnswer(text, count);
    return { elapsedMs, firstTokenMs };
  };
}

/**
 * Streams through the gateway with undici and the least parsing that gets the text (split
 * events, `JSON.parse` each): what the gateway costs without the official client's own.
 */
function rawGatewayReader(gatewayUrl: string): ReadAnswer {
  const decoder = new TextDecoder();
  return async (count) => {
    const startedAt = performance.now();
    let firstTokenMs = Number.NaN;
    let text = '';
    let buffered = '';
    const body = JSON.stringify({ model: benchModels.qwen, messages: messagesFor(count), stream: true });
    const response = await request(`${gatewayUrl}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (response.statusCode !== 200) throw new Error(`the gateway answered ${response.statusCode}: ${await response.body.text()}`);
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      buffered += decoder.decode(chunk, { stream: true });
      const events = buffered.split('\n\n');
      buffered = events.pop()!;
      for (const event of events) {
        if (!event.startsWith('data: {')) continue;
        const content = (JSON.parse(event.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content;
        if (!content) continue;
        if (text === '') firstTokenMs = performance.now() - startedAt;
        text += content;
      }
    }
    const elapsedMs = performance.now() - startedAt;
    checkAnswer(text, count);
    return { elapsedMs, firstTokenMs };
  };
}

/** How a reader reads. */
export type ReaderMode = 'in-process' | 'gateway' | 'gateway-raw';

const readers: Record<ReaderMode, (url: string) => ReadAnswer> = { 'in-process': inProcessReader, gateway: gatewayReader, 'gateway-raw': rawGatewayReader };

/**
 * Reads bench answers, one `read` call (a token count) at a time, checking each:
 * `answer-reader.js in-process <Space URL>`, `answer-reader.js gateway <gateway URL>` or
 * `answer-reader.js gateway-raw <gateway URL>`.
 */
const [mode, url] = process.argv.slice(2) as [ReaderMode, string];
const read = readers[mode](url);
serveCalls(mode, { read: (count) => read(count as number), usage: () => processUsage() });
