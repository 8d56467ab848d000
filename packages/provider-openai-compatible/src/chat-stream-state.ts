import {
  ProtocolError,
  StreamTruncatedError,
  type FinishPart,
  type FinishReason,
  type StreamPart,
  type Usage,
} from '@switchboard/core';
import type { EventSourceMessage } from 'eventsource-parser';
import { upstreamErrorEvent } from './upstream-error-event.js';
import { isErrorEvent } from './upstream-error-details.js';

const doneMarker = '[DONE]';

/**
 * Turns the events of one Chat Completions stream into stream parts, leniently: chunk ids
 * may change, `finish_reason` may be `""` or `null` (Ollama), usage may come before or
 * after the finish chunk, twice or never (the last one counts), comments and empty events
 * are ignored. Strictly: malformed JSON is a `ProtocolError`, an `error` event a typed
 * error, and an end with neither a finish reason nor `[DONE]` a `StreamTruncatedError`.
 * A Switchboard gateway's `delta.switchboard_revision` (the whole answer, rewritten) becomes
 * a `text-revision` part, so a chain of gateways ends with the exact final text.
 */
export class ChatStreamState {
  /** The text streamed so far. */
  text = '';
  /** True once `[DONE]` arrived: the finish part was returned and nothing more is read. */
  done = false;
  #finishReason: string | undefined;
  #usage: Usage | undefined;

  constructor(private readonly url: string) {}

  /** The part one event yields, if any; throws the typed error the event reports. */
  accept(event: EventSourceMessage): StreamPart | undefined {
    const data = event.data.trim();
    if (data === doneMarker) {
      this.done = true;
      return this.#finishPart(this.#finishReason ?? 'stop');
    }
    if (data === '') return undefined;
    if (event.event === 'error') throw upstreamErrorEvent(parseOrKeep(data), this.url);
    const chunk = this.#parse(data);
    if (isErrorEvent(chunk)) throw upstreamErrorEvent(chunk, this.url);
    return this.acceptChunk(chunk);
  }

  /** The part of one parsed chunk (or of a whole non-streamed completion, whose choices carry `message`), if any. */
  acceptChunk(chunk: unknown): StreamPart | undefined {
    if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) {
      throw new ProtocolError(`a stream event is not a JSON object: ${JSON.stringify(chunk).slice(0, 200)}`, { url: this.url });
    }
    const { choices, usage } = chunk as { choices?: unknown; usage?: unknown };
    this.#usage = readUsage(usage) ?? this.#usage;
    const choice = firstChoice(choices);
    if (choice === undefined) return undefined;
    const content = (choice.delta ?? choice.message)?.content;
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') this.#finishReason = choice.finish_reason;
    const revision = choice.delta?.switchboard_revision;
    if (typeof revision === 'string') {
      this.text = typeof content === 'string' ? revision + content : revision;
      return { type: 'text-revision', text: this.text };
    }
    if (typeof content !== 'string' || content === '') return undefined;
    this.text += content;
    return { type: 'text-delta', text: content };
  }

  /**
   * The body ended: the finish part when a finish reason arrived, else `StreamTruncatedError`.
   * `wholeAnswer`: the body was one complete JSON answer, which needs no finish reason.
   */
  end(wholeAnswer = false): FinishPart {
    if (this.#finishReason === undefined && !wholeAnswer) {
      throw new StreamTruncatedError('the stream ended without a finish reason and without [DONE]', { url: this.url });
    }
    this.done = true;
    return this.#finishPart(this.#finishReason ?? 'stop');
  }

  #finishPart(upstreamReason: string): FinishPart {
    if (upstreamReason === 'error') {
      throw new StreamTruncatedError('the upstream ended the answer with finish_reason "error"', { url: this.url });
    }
    const reason: FinishReason = upstreamReason === 'length' ? 'length' : 'stop';
    return this.#usage === undefined ? { type: 'finish', reason } : { type: 'finish', reason, usage: this.#usage };
  }

  #parse(data: string): unknown {
    try {
      return JSON.parse(data) as unknown;
    } catch {
      const shown = data.length > 200 ? `${data.slice(0, 200)}…` : data;
      throw new ProtocolError(`a stream event is not valid JSON: ${shown}`, { url: this.url });
    }
  }
}

/** An `event: error` may carry JSON or plain text. */
function parseOrKeep(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return { error: data };
  }
}

interface ChoiceShape {
  index?: unknown;
  /** `switchboard_revision`: a Switchboard gateway's full rewritten answer, replacing the text sent so far. */
  delta?: { content?: unknown; switchboard_revision?: unknown } | null;
  message?: { content?: unknown } | null;
  finish_reason?: unknown;
}

/** The choice with index 0 (or the first one); servers answer one choice unless asked for more. */
function firstChoice(choices: unknown): ChoiceShape | undefined {
  if (!Array.isArray(choices)) return undefined;
  let first: ChoiceShape | undefined;
  for (const choice of choices as unknown[]) {
    if (typeof choice !== 'object' || choice === null) continue;
    if ((choice as ChoiceShape).index === 0) return choice as ChoiceShape;
    first ??= choice as ChoiceShape;
  }
  return first;
}

function readUsage(value: unknown): Usage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { prompt_tokens: input, completion_tokens: output } = value as { prompt_tokens?: unknown; completion_tokens?: unknown };
  const usage: Usage = { source: 'upstream' };
  if (typeof input === 'number' && Number.isFinite(input)) usage.inputTokens = input;
  if (typeof output === 'number' && Number.isFinite(output)) usage.outputTokens = output;
  return usage.inputTokens === undefined && usage.outputTokens === undefined ? undefined : usage;
}
