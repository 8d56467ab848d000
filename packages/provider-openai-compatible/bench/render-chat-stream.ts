import { benchDeltas } from './bench-answer.js';

/** A Chat Completions stream rendered once and served as is to every request that names its model. */
export interface RenderedStream {
  model: string;
  /** The whole `text/event-stream` body, from the role chunk to `data: [DONE]`. */
  body: Buffer;
  /** Server-sent events in the body, `[DONE]` included. */
  events: number;
}

/**
 * The body OpenAI's API sends for a streamed answer of `count` content chunks with usage
 * requested: a first chunk with the role and empty content, one chunk per delta, a chunk
 * with `finish_reason: "stop"`, a usage chunk with no choices, then `[DONE]`. Every chunk
 * carries the fields OpenAI's do (`id`, `created`, `system_fingerprint`, `logprobs`,
 * `usage: null`), so each reader parses what it would parse in production.
 */
export function renderChatStream(model: string, count: number): RenderedStream {
  const head = `{"id":"chatcmpl-B9benchX7m2kQ4rT1vZ8yL3nP0wA","object":"chat.completion.chunk","created":1718000000,"model":${JSON.stringify(model)},"service_tier":"default","system_fingerprint":"fp_72b7a3c1d0"`;
  const chunk = (delta: object, finishReason: string | null) =>
    `data: ${head},"choices":[{"index":0,"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${JSON.stringify(finishReason)}}],"usage":null}\n\n`;
  const parts = [chunk({ role: 'assistant', content: '', refusal: null }, null)];
  for (const delta of benchDeltas(count)) parts.push(chunk({ content: delta }, null));
  parts.push(chunk({}, 'stop'));
  const usage = { prompt_tokens: 12, completion_tokens: count, total_tokens: count + 12 };
  parts.push(`data: ${head},"choices":[],"usage":${JSON.stringify(usage)}}\n\n`);
  parts.push('data: [DONE]\n\n');
  return { model, body: Buffer.from(parts.join(''), 'utf8'), events: parts.length };
}
