import {
  AbortError,
  ConnectionError,
  ProtocolError,
  QueueFullError,
  StreamTruncatedError,
  SwitchboardError,
  UpstreamHttpError,
  annotateError,
  getLastUserMessage,
  resolveModel,
  type ChatProvider,
  type ChatRequest,
  type GenerationSetting,
  type ProviderMetadata,
  type StreamOptions,
  type StreamPart,
} from '@switchboard/core';
import { fetch } from 'undici';
import { readSseData } from './read-sse-data.js';
import { UpstreamAppError } from './upstream-app-error.js';

/** Settings of {@link HttpChatProvider}. */
export interface HttpChatSettings {
  baseUrl: string;
  /** A deliberate bug: on abort or early exit, stop reading but leave the connection open. */
  leaveConnectionOpen?: boolean;
  /** A deliberate bug: never send these settings, although the metadata declares them. */
  dropSettings?: readonly GenerationSetting[];
}

/** Metadata of {@link HttpChatProvider}. */
export const httpChatMetadata: ProviderMetadata = {
  name: 'ConformanceHttpChat',
  label: 'HTTP chat (test upstream)',
  url: 'https://example.invalid/chat',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'chat-small',
  models: ['chat-small', 'chat-large'],
  modelAliases: { chat: 'chat-small' },
  supportedSettings: ['temperature', 'maxOutputTokens', 'topP', 'stop', 'seed'],
};

/**
 * A small provider for a made-up upstream: `POST /chat` with `{ model, prompt, temperature,
 * max_tokens, top_p, stop, seed }`, answered by events `{"delta"}`…, then `{"done", "usage"}`,
 * or `{"error"}` when generation fails; 503 means the queue is full.
 */
export class HttpChatProvider implements ChatProvider {
  constructor(readonly settings: HttpChatSettings) {}

  async *createAsyncGenerator(request: ChatRequest, options: StreamOptions = {}): AsyncGenerator<StreamPart> {
    const model = resolveModel(httpChatMetadata, request.model);
    const { signal } = options;
    let text = '';
    try {
      if (signal?.aborted) throw new AbortError(signal.reason);
      const body = await this.#open(model, request, signal);
      const cancelOnExit = this.settings.leaveConnectionOpen !== true;
      for await (const data of readSseData(body, { signal, cancelOnExit })) {
        const event = parseEvent(data);
        if (typeof event.delta === 'string') {
          text += event.delta;
          yield { type: 'text-delta', text: event.delta };
        } else if (typeof event.error === 'string') {
          throw new UpstreamAppError(event.error);
        } else if (event.done === true) {
          const usage = event.usage as { prompt_tokens?: number; completion_tokens?: number } | undefined;
          yield { type: 'finish', reason: 'stop', usage: { inputTokens: usage?.prompt_tokens, outputTokens: usage?.completion_tokens, source: 'upstream' } };
          return;
        } else {
          throw new ProtocolError(`unexpected event ${data.slice(0, 80)}; expected "delta", "error" or "done".`);
        }
      }
      throw new StreamTruncatedError('the event stream ended without a "done" event.');
    } catch (error) {
      throw annotateError(typed(error, signal), { provider: httpChatMetadata.name, model, partialText: text });
    }
  }

  async #open(model: string, request: ChatRequest, signal: AbortSignal | undefined): Promise<ReadableStream<Uint8Array>> {
    const url = `${this.settings.baseUrl}/chat`;
    const dropped = new Set(this.settings.dropSettings ?? []);
    const wire: Record<string, unknown> = { model, prompt: getLastUserMessage(request.messages) ?? '' };
    const names: Record<GenerationSetting, string> = { temperature: 'temperature', maxOutputTokens: 'max_tokens', topP: 'top_p', stop: 'stop', seed: 'seed' };
    for (const [setting, name] of Object.entries(names) as Array<[GenerationSetting, string]>) {
      if (request[setting] !== undefined && !dropped.has(setting)) wire[name] = request[setting];
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(wire),
      signal: this.settings.leaveConnectionOpen === true ? undefined : signal,
    }).catch((error: unknown) => {
      if (signal?.aborted) throw new AbortError(signal.reason);
      const networkCode = (error as { cause?: { code?: string } }).cause?.code;
      throw new ConnectionError(`could not reach ${url}; check that the upstream is running.`, { url, networkCode, cause: error });
    });
    if (response.status === 503) throw new QueueFullError({ detail: await response.text(), url });
    if (!response.ok || response.body === null) throw new UpstreamHttpError(response.status, (await response.text()).slice(0, 200), { url });
    return response.body as ReadableStream<Uint8Array>;
  }
}

function parseEvent(data: string): Record<string, unknown> {
  try {
    const value = JSON.parse(data) as unknown;
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch (error) {
    throw new ProtocolError(`an event is not JSON: ${data.slice(0, 80)}`, { cause: error });
  }
  throw new ProtocolError(`an event is not a JSON object: ${data.slice(0, 80)}`);
}

function typed(error: unknown, signal: AbortSignal | undefined): unknown {
  if (SwitchboardError.isInstance(error)) return error;
  if (signal?.aborted) return new AbortError(signal.reason);
  return new StreamTruncatedError(`the connection broke mid-stream (${String(error)}).`, { cause: error });
}
