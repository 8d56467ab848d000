import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import type { ProviderRegistry } from '@switchboard/core';
import { createLanguageModelStream } from './create-language-model-stream.js';
import { generateFromRegistry } from './generate-from-registry.js';
import { RoutedCall } from './routed-call.js';
import { StreamPartTranslator } from './stream-part-translator.js';
import { toAISDKError } from './to-ai-sdk-error.js';
import { toChatRequest } from './to-chat-request.js';

/** What a `SwitchboardLanguageModel` needs besides its model id. */
export interface SwitchboardLanguageModelSettings {
  registry: ProviderRegistry;
  /** Makes the `id` of each response. Default: `switchboard-` and a random UUID. */
  generateId?: () => string;
}

/**
 * A model id or alias of a Switchboard registry as an AI SDK `LanguageModelV4`: every call is
 * routed by the registry (fallback, retries, time limits) to the providers serving `modelId`.
 */
export class SwitchboardLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4' as const;
  readonly provider = 'switchboard';
  readonly modelId: string;
  readonly supportedUrls: Record<string, RegExp[]> = {};
  readonly #settings: SwitchboardLanguageModelSettings;

  constructor(modelId: string, settings: SwitchboardLanguageModelSettings) {
    this.modelId = modelId;
    this.#settings = settings;
  }

  /**
   * Streams the answer. Resolves once the registry produced its first part other than a
   * warning (a status part or text), so a request that fails before that rejects here, with
   * the AI SDK error, before any stream exists.
   */
  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { request, warnings } = toChatRequest(this.modelId, options);
    const timestamp = new Date();
    const call = new RoutedCall(this.#settings.registry, request, options.abortSignal);
    let first: Awaited<ReturnType<RoutedCall['next']>>;
    try {
      first = await call.next();
    } catch (error) {
      throw toAISDKError(error, request);
    }
    const translator = new StreamPartTranslator(call, {
      request,
      callWarnings: warnings,
      includeRawChunks: options.includeRawChunks === true,
      responseId: this.#responseId(),
      timestamp,
    });
    return { stream: createLanguageModelStream(call, translator, first), request: { body: request } };
  }

  /** Generates the whole answer: the final text with every revision applied. */
  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { request, warnings } = toChatRequest(this.modelId, options);
    const timestamp = new Date();
    const call = new RoutedCall(this.#settings.registry, request, options.abortSignal);
    return generateFromRegistry(call, { request, callWarnings: warnings, responseId: this.#responseId(), timestamp });
  }

  #responseId(): string {
    return this.#settings.generateId?.() ?? `switchboard-${globalThis.crypto.randomUUID()}`;
  }
}
