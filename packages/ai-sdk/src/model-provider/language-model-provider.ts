import {
  collectText,
  findProviderMetadata,
  validateProviderMetadata,
  type ChatProvider,
  type ChatRequest,
  type ProviderMetadata,
  type StreamOptions,
  type StreamPart,
} from '@switchboard/core';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { streamLanguageModel } from './stream-language-model.js';
import { checkLanguageModel, toLanguageModelV4, type AnyLanguageModel } from './to-language-model-v4.js';

/** A Switchboard provider instance serving an AI SDK model. */
export interface LanguageModelChatProvider extends ChatProvider {
  /** Streams the request and returns the final text. */
  complete(request: ChatRequest, options?: StreamOptions): Promise<string>;
}

/** A provider class serving one AI SDK model, and the metadata to register it with. */
export interface LanguageModelProviderDefinition {
  providerClass: new () => LanguageModelChatProvider;
  metadata: ProviderMetadata;
}

/**
 * Makes a Switchboard provider class that serves an AI SDK language model, without
 * registering it: `const { providerClass, metadata } = languageModelProvider(model, { name: 'OpenAI' });
 * registry.register(providerClass, metadata);`.
 *
 * `metadata` overrides the defaults: `name` `<provider>/<modelId>`, the model id as the one
 * model (add `modelAliases` to serve aliases), streaming, system messages and history
 * supported, and all five generation settings in `supportedSettings` (a setting the model
 * reports as unsupported becomes a `warning` part). V3 and V2 models are adapted by the AI
 * SDK's own `wrapLanguageModel` (from the `ai` package, loaded on first use). Throws
 * `ProviderRegistrationError` for something that is not a language model or for invalid metadata.
 */
export function languageModelProvider(model: AnyLanguageModel, metadata: Partial<ProviderMetadata> = {}): LanguageModelProviderDefinition {
  checkLanguageModel(model);
  const declared: ProviderMetadata = {
    name: `${model.provider}/${model.modelId}`,
    label: `${model.modelId} (${model.provider}, through the AI SDK)`,
    url: 'https://ai-sdk.dev',
    working: true,
    needsAuth: false,
    supportsStream: true,
    supportsSystemMessage: true,
    supportsMessageHistory: true,
    defaultModel: metadata.models?.[0] ?? model.modelId,
    models: [model.modelId],
    modelAliases: {},
    supportedSettings: ['temperature', 'maxOutputTokens', 'topP', 'stop', 'seed'],
    ...metadata,
  };
  validateProviderMetadata(declared);
  let adapted: Promise<LanguageModelV4> | undefined;
  const v4Model = () => (adapted ??= toLanguageModelV4(model));
  const providerClass = class implements LanguageModelChatProvider {
    createAsyncGenerator(request: ChatRequest, options: StreamOptions = {}): AsyncIterable<StreamPart> {
      const registered = findProviderMetadata(this) ?? declared;
      return streamLanguageModel({ model: v4Model, metadata: registered, request, signal: options.signal });
    }

    complete(request: ChatRequest, options?: StreamOptions): Promise<string> {
      return collectText(this.createAsyncGenerator(request, options));
    }
  };
  Object.defineProperty(providerClass, 'name', { value: `${declared.name.replace(/[^\w$]/g, '_')}Provider` });
  return { providerClass, metadata: declared };
}
