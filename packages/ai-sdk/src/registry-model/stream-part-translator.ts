import type { JSONObject, LanguageModelV4StreamPart, SharedV4ProviderMetadata, SharedV4Warning } from '@ai-sdk/provider';
import { AbortError, type ChatRequest, type FinishPart, type StreamPart } from '@switchboard/core';
import type { RoutedCall } from './routed-call.js';
import type { SwitchboardResponseMetadata, SwitchboardStatusChunk } from './switchboard-metadata.js';
import { TextBlockWriter } from './text-block-writer.js';
import { toAISDKError } from './to-ai-sdk-error.js';
import { toAISDKWarning } from './to-ai-sdk-warning.js';
import { toFinishReason } from './to-finish-reason.js';
import { toUsage } from './to-usage.js';

/** How a stream identifies its response, and whether the call asked for raw chunks. */
export interface TranslatorOptions {
  request: ChatRequest;
  /** Warnings known before the registry was asked (call options it cannot carry). */
  callWarnings: SharedV4Warning[];
  includeRawChunks: boolean;
  responseId: string;
  timestamp: Date;
}

/** How a failed stream ends: with these parts and a clean close, or by erroring the stream with `error`. */
export type StreamFailure = { type: 'parts'; parts: LanguageModelV4StreamPart[] } | { type: 'error'; error: unknown };

/**
 * Turns the Switchboard parts of one routed call into AI SDK V4 stream parts: `stream-start`
 * with the warnings, text blocks (see `TextBlockWriter`), `response-metadata` when the first
 * text arrives (the provider is committed then), status as `raw` chunks (with
 * `includeRawChunks`) or `ping`s, and one `finish` carrying `providerMetadata.switchboard`.
 */
export class StreamPartTranslator {
  readonly #call: RoutedCall;
  readonly #options: TranslatorOptions;
  readonly #text = new TextBlockWriter();
  #warningsAtStart = 0;
  #metadataSent = false;
  #finish: FinishPart | undefined;

  constructor(call: RoutedCall, options: TranslatorOptions) {
    this.#call = call;
    this.#options = options;
  }

  /** `stream-start`, with the call's warnings and the settings warnings collected so far. */
  start(): LanguageModelV4StreamPart[] {
    this.#warningsAtStart = this.#call.warnings.length;
    return [{ type: 'stream-start', warnings: [...this.#options.callWarnings, ...this.#call.warnings.map(toAISDKWarning)] }];
  }

  translate(part: StreamPart): LanguageModelV4StreamPart[] {
    switch (part.type) {
      case 'text-delta':
      case 'text-revision': {
        const parts = this.#text.write(part);
        return parts.length > 0 ? [...this.#responseMetadata(), ...parts] : parts;
      }
      case 'status':
        return [this.#options.includeRawChunks ? { type: 'raw', rawValue: this.#statusChunk(part) } : { type: 'ping' }];
      case 'finish':
        this.#finish = part;
        return [];
      default:
        return [];
    }
  }

  /** The parts that end a stream that completed: the open text block closed, then `finish`. */
  end(): LanguageModelV4StreamPart[] {
    const reason = this.#finish?.reason ?? 'stop';
    return [
      ...this.#text.close(),
      ...this.#responseMetadata(),
      { type: 'finish', finishReason: toFinishReason(reason), usage: toUsage(this.#finish?.usage), providerMetadata: this.#providerMetadata() },
    ];
  }

  /**
   * How a failure ends the stream. Once text was streamed, the answer so far stays with the
   * caller: the block is closed, an `error` part carries the AI SDK error (with the partial
   * text) and `finish` says `error`. Before any text, and on abort, the stream itself errors.
   */
  fail(thrown: unknown): StreamFailure {
    const error = toAISDKError(thrown, this.#options.request);
    if (this.#text.text === '' || AbortError.isInstance(thrown)) return { type: 'error', error };
    const finishReason = { unified: 'error' as const, raw: (thrown as { code?: string }).code ?? 'error' };
    return {
      type: 'parts',
      parts: [
        ...this.#text.close(),
        { type: 'error', error },
        { type: 'finish', finishReason, usage: toUsage(undefined), providerMetadata: this.#providerMetadata() },
      ],
    };
  }

  #responseMetadata(): LanguageModelV4StreamPart[] {
    if (this.#metadataSent) return [];
    this.#metadataSent = true;
    const modelId = this.#call.tracker.model ?? this.#options.request.model;
    return [{ type: 'response-metadata', id: this.#options.responseId, timestamp: this.#options.timestamp, ...(modelId ? { modelId } : {}) }];
  }

  #statusChunk(part: Extract<StreamPart, { type: 'status' }>): SwitchboardStatusChunk {
    const { type: _type, ...status } = part;
    return { type: 'switchboard-status', ...status, ...(this.#call.tracker.provider === undefined ? {} : { provider: this.#call.tracker.provider }) };
  }

  #providerMetadata(): SharedV4ProviderMetadata {
    const late = this.#call.warnings.slice(this.#warningsAtStart).map((warning) => warning.message);
    const usageSource = this.#finish?.usage?.source;
    const metadata: SwitchboardResponseMetadata = {
      ...this.#call.tracker.summary(),
      ...(usageSource === undefined ? {} : { usageSource }),
      ...(this.#text.revised ? { revised: true, text: this.#text.text } : {}),
      ...(late.length > 0 ? { lateWarnings: late } : {}),
    };
    return { switchboard: metadata as unknown as JSONObject };
  }
}
