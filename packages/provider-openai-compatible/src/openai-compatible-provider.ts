import 'reflect-metadata';
import {
  AbortError,
  BaseProvider,
  annotateError,
  findProviderMetadata,
  providerSettingsToken,
  transportFailure,
  type ChatRequest,
  type ProviderMetadata,
  type StreamOptions,
  type StreamPart,
} from '@switchboard/core';
import { ProxyAgent, request as sendRequest, type Dispatcher } from 'undici';
import { buildChatRequestBody } from './build-chat-request-body.js';
import { ChatStreamState } from './chat-stream-state.js';
import {
  resolveOpenAICompatibleSettings,
  type OpenAICompatibleSettings,
  type ResolvedOpenAICompatibleSettings,
} from './openai-compatible-settings.js';
import { readChatResponse } from './read-chat-response.js';
import { upstreamHttpFailure } from './upstream-http-failure.js';

/**
 * Streams answers from an upstream speaking the OpenAI Chat Completions protocol
 * (`POST {baseUrl}/chat/completions` with `stream: true`). Extend it and register the
 * subclass; it needs no body and no constructor:
 *
 * ```ts
 * @RegisterProvider(openAICompatibleMetadata({ name: 'Ollama', url: 'http://127.0.0.1:11434/v1', models: ['qwen2.5:72b'] }))
 * class Ollama extends OpenAICompatibleProvider {}
 * ```
 *
 * Settings: a registry injects the settings of each registration (from
 * `register(..., { settings })` or `configureProvider`) under `providerSettingsToken`. The
 * base class declares that token as its constructor's parameter type by hand, so a subclass
 * without a constructor of its own inherits the injection in every build, with or without
 * decorator metadata. A subclass that declares a constructor must inject every parameter
 * itself: `constructor(@inject(providerSettingsToken) settings?: OpenAICompatibleSettings) { super(settings); }`.
 * The settings are resolved on first use, against the metadata of the registration.
 */
export abstract class OpenAICompatibleProvider extends BaseProvider {
  /** Settings a subclass applies beneath the injected ones, e.g. `{ apiKeyEnv: 'OPENROUTER_API_KEY' }`. */
  static defaultSettings: OpenAICompatibleSettings = {};
  /** Metadata used when the class is not registered (set by `defineOpenAICompatibleProvider`). */
  static providerMetadata: ProviderMetadata | undefined = undefined;

  readonly #givenSettings: OpenAICompatibleSettings;
  #settings: ResolvedOpenAICompatibleSettings | undefined;
  readonly #proxyAgents = new Map<string, ProxyAgent>();

  constructor(settings?: OpenAICompatibleSettings) {
    super();
    this.#givenSettings = settings ?? {};
  }

  /**
   * The settings in force: the class's `defaultSettings`, then the given settings, then the
   * environment and defaults, with the metadata's `url` as the fallback base URL. Throws
   * `ProviderRegistrationError` for an invalid base URL.
   */
  get settings(): ResolvedOpenAICompatibleSettings {
    const providerClass = this.constructor as typeof OpenAICompatibleProvider;
    this.#settings ??= resolveOpenAICompatibleSettings({ ...providerClass.defaultSettings, ...this.#givenSettings }, this.metadata.url);
    return this.#settings;
  }

  override get metadata(): ProviderMetadata {
    const providerClass = this.constructor as typeof OpenAICompatibleProvider;
    return findProviderMetadata(this) ?? findProviderMetadata(providerClass) ?? providerClass.providerMetadata ?? super.metadata;
  }

  async *createAsyncGenerator(request: ChatRequest, options: StreamOptions = {}): AsyncGenerator<StreamPart> {
    const model = this.getModel(request.model);
    const { signal } = options;
    const url = `${this.settings.baseUrl}/chat/completions`;
    const context = { provider: this.metadata.name, model };
    if (signal?.aborted) throw new AbortError(signal.reason, { ...context, url });
    const state = new ChatStreamState(url);
    const body = buildChatRequestBody(request, {
      model,
      supportedSettings: this.metadata.supportedSettings ?? [],
      includeUsage: this.settings.includeUsage,
    });
    let response: Dispatcher.ResponseData | undefined;
    let bodyStarted = false;
    try {
      response = await sendRequest(url, {
        method: 'POST',
        headers: this.#headers(),
        body: JSON.stringify(body),
        signal,
        dispatcher: this.#dispatcher(request.proxy),
      });
      if (response.statusCode < 200 || response.statusCode > 299) {
        throw await upstreamHttpFailure(response, { url, apiKey: this.settings.apiKey });
      }
      bodyStarted = true;
      for await (const parts of readChatResponse(response, state, this.settings.maxEventBytes)) {
        for (const part of parts) yield part;
      }
    } catch (error) {
      const typed = transportFailure(error, { signal, url, action: `POST ${url}`, streamStarted: bodyStarted });
      typed.url ??= url;
      throw annotateError(typed, { ...context, partialText: state.text });
    } finally {
      if (response !== undefined && !response.body.destroyed) response.body.destroy();
    }
  }

  /** Closes the proxy agents this provider created; a later request creates them again. */
  async close(): Promise<void> {
    const agents = [...this.#proxyAgents.values()];
    this.#proxyAgents.clear();
    await Promise.all(agents.map((agent) => agent.close()));
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (this.settings.apiKey !== undefined) headers.authorization = `Bearer ${this.settings.apiKey}`;
    for (const [name, value] of Object.entries(this.settings.headers ?? {})) headers[name.toLowerCase()] = value;
    return headers;
  }

  #dispatcher(requestProxy: string | undefined): Dispatcher | undefined {
    if (this.settings.dispatcher !== undefined) return this.settings.dispatcher;
    const proxy = requestProxy ?? this.settings.proxy;
    if (proxy === undefined || proxy === '') return undefined;
    let agent = this.#proxyAgents.get(proxy);
    if (agent === undefined) {
      agent = new ProxyAgent(proxy);
      this.#proxyAgents.set(proxy, agent);
    }
    return agent;
  }
}

// Declared by hand rather than emitted, so injection works in builds without decorator metadata;
// subclasses without a constructor of their own inherit it.
Reflect.defineMetadata('design:paramtypes', [providerSettingsToken], OpenAICompatibleProvider);
