import 'reflect-metadata';
import { injectable, type DependencyContainer } from 'tsyringe';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { NoProviderForModelError } from '../errors/no-provider-for-model-error.js';
import { ProviderNotFoundError } from '../errors/provider-not-found-error.js';
import { ProviderRegistrationError } from '../errors/provider-registration-error.js';
import { defineProviderMetadata, findProviderMetadata } from '../metadata/provider-metadata-store.js';
import { validateProviderMetadata } from '../metadata/validate-provider-metadata.js';
import { resolveModel, servedNames } from '../mixins/resolve-model.js';
import type { ProviderCapability } from '../spec/capability.js';
import type { ChatProvider, ChatProviderClass } from '../spec/chat-provider.js';
import { normalizeChatRequest } from '../request/normalize-chat-request.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ProviderHealth } from '../spec/provider-health.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { RegistryOptions } from '../spec/registry-options.js';
import type { RoutingStore, RoutingStoreStatus } from '../spec/routing-store.js';
import type {
  CandidateFilter,
  ModelListing,
  ProviderCandidate,
  ProviderRegistrationOptions,
  ProviderSettingsOf,
  RegistryStreamOptions,
} from '../spec/registry-types.js';
import type { StreamPart } from '../spec/stream-part.js';
import { ConcurrencyGate } from '../routing/concurrency-gate.js';
import { concurrencyLimit } from '../routing/concurrency-limit.js';
import { HealthTracker } from '../routing/health-tracker.js';
import { MemoryRoutingStore } from '../routing/memory-routing-store.js';
import { notifyListeners } from '../routing/notify-listeners.js';
import { routeStream } from '../routing/route-stream.js';
import { circuitSettings, mergeRegistryOptions, requestSettings, systemClock } from '../routing/routing-defaults.js';
import { collectText } from '../stream/collect-text.js';
import { providerSettingsToken } from './provider-settings-token.js';

interface RegisteredProvider {
  metadata: ProviderMetadata;
  providerClass: ChatProviderClass;
  order: number;
  /** A child container holding this registration's settings. */
  scope: DependencyContainer;
  instance?: ChatProvider;
}

const capabilityFlags: Record<ProviderCapability, keyof ProviderMetadata> = {
  stream: 'supportsStream',
  systemMessage: 'supportsSystemMessage',
  messageHistory: 'supportsMessageHistory',
};

/**
 * Providers by name, and by the models and aliases they serve. Instances come from the
 * registry's tsyringe container, so constructor dependencies are injected; each
 * registry has its own child container, its own instances and its own provider health.
 */
export class ProviderRegistry {
  readonly container: DependencyContainer;
  readonly #providers = new Map<string, RegisteredProvider>();
  #options: RegistryOptions = {};
  #defaultModel: string | undefined;
  readonly #ownStore = new MemoryRoutingStore();
  #unsubscribeStore: (() => void) | undefined;
  readonly #health = new HealthTracker(
    () => circuitSettings(this.#options),
    () => this.#options.clock ?? systemClock,
    () => this.#store,
  );

  constructor(container: DependencyContainer, options: RegistryOptions = {}) {
    this.container = container;
    this.configure(options);
  }

  /**
   * Changes the registry's settings: timeouts, retry and circuit settings are merged field
   * by field with the current ones; `defaultModel`, `proxy`, `onEvent`, `clock`,
   * `scheduler`, `random`, `store` and `maxConcurrency` replace theirs. Returns the registry.
   */
  configure(options: RegistryOptions): this {
    const previousStore = this.#options.store;
    this.#options = mergeRegistryOptions(this.#options, options);
    if ('defaultModel' in options) this.#defaultModel = options.defaultModel || undefined;
    if (this.#options.store !== previousStore) this.#watchStore();
    return this;
  }

  /** The model id or alias used for requests that name none, if one is set. */
  get defaultModel(): string | undefined {
    return this.#defaultModel;
  }

  /**
   * Adds a provider class. `metadata` may be omitted when the class was decorated with
   * `@RegisterProvider`; `options.settings` is injected under the provider's settings token
   * (see `providerSettingsToken`). Throws `ProviderRegistrationError` on a duplicate name,
   * incomplete metadata, or a class without `createAsyncGenerator`.
   */
  register<C extends ChatProviderClass>(
    providerClass: C,
    metadata?: ProviderMetadata,
    options: ProviderRegistrationOptions<ProviderSettingsOf<C>> = {},
  ): C {
    const declared = metadata ?? findProviderMetadata(providerClass);
    if (declared === undefined) {
      throw new ProviderRegistrationError(`${providerClass?.name ?? 'The class'} was registered without metadata.`);
    }
    validateProviderMetadata(declared);
    if (typeof providerClass !== 'function' || typeof providerClass.prototype?.createAsyncGenerator !== 'function') {
      throw new ProviderRegistrationError(
        `Provider "${declared.name}" must be a class with a createAsyncGenerator(request, options) method.`,
        { provider: declared.name },
      );
    }
    const existing = this.#providers.get(declared.name);
    if (existing !== undefined) {
      throw new ProviderRegistrationError(
        `A provider named "${declared.name}" is already registered (${existing.providerClass.name}); provider names must be unique.`,
        { provider: declared.name },
      );
    }
    defineProviderMetadata(providerClass, declared);
    injectable()(providerClass);
    const entry: RegisteredProvider = {
      metadata: declared,
      providerClass,
      order: this.#providers.size,
      scope: this.container.createChildContainer(),
    };
    this.#providers.set(declared.name, entry);
    this.#provideSettings(entry, options.settings ?? {});
    return providerClass;
  }

  /**
   * Gives a registered provider its settings (by class, typed as its constructor's first
   * parameter, or by name). The next request uses a new instance built with them.
   * Throws `ProviderNotFoundError` when no such provider is registered.
   */
  configureProvider<C extends ChatProviderClass>(providerClass: C, settings: ProviderSettingsOf<C>): this;
  configureProvider(name: string, settings: unknown): this;
  configureProvider(target: string | ChatProviderClass, settings: unknown): this {
    const entries =
      typeof target === 'string'
        ? [this.#providers.get(target)].filter((entry) => entry !== undefined)
        : [...this.#providers.values()].filter((entry) => entry.providerClass === target);
    if (entries.length === 0) {
      throw new ProviderNotFoundError(typeof target === 'string' ? target : target.name, [...this.#providers.keys()]);
    }
    for (const entry of entries) this.#provideSettings(entry, settings ?? {});
    return this;
  }

  /** Metadata of every registered provider, in registration order. */
  list(): ProviderMetadata[] {
    return [...this.#providers.values()].map((entry) => entry.metadata);
  }

  /** Whether a provider with this name is registered. */
  has(name: string): boolean {
    return this.#providers.has(name);
  }

  /** The provider instance registered under `name`, its dependencies injected. */
  get(name: string): ChatProvider {
    const entry = this.#providers.get(name);
    if (entry === undefined) throw new ProviderNotFoundError(name, [...this.#providers.keys()]);
    try {
      if (entry.instance === undefined) {
        entry.instance = entry.scope.resolve(entry.providerClass);
        defineProviderMetadata(entry.instance, entry.metadata);
      }
      return entry.instance;
    } catch (error) {
      throw new ProviderRegistrationError(
        `Provider "${name}" could not be constructed: ${(error as Error).message}. Constructor parameters are ` +
          'injected by type only when the class is decorated and compiled with emitDecoratorMetadata ' +
          '(import types as values, not with `import type`); otherwise use @inject(token).',
        { provider: name, cause: error },
      );
    }
  }

  /**
   * The providers serving a model id or alias, best first: higher `priority`, then
   * registration order; only those declaring every required capability.
   */
  candidates(modelOrAlias: string, filter: CandidateFilter = {}): ProviderCandidate[] {
    const requires = filter.requires ?? [];
    return this.#ordered()
      .filter((entry) => servedNames(entry.metadata).includes(modelOrAlias))
      .filter((entry) => requires.every((capability) => entry.metadata[capabilityFlags[capability]] === true))
      .map((entry) => this.#candidate(entry, resolveModel(entry.metadata, modelOrAlias)));
  }

  /** Every model id and alias, with the providers serving it in routing order. */
  models(): ModelListing[] {
    const listings = new Map<string, Array<{ provider: string; model: string }>>();
    for (const { metadata } of this.#ordered()) {
      for (const name of servedNames(metadata)) {
        const providers = listings.get(name) ?? [];
        providers.push({ provider: metadata.name, model: resolveModel(metadata, name) });
        listings.set(name, providers);
      }
    }
    return [...listings.entries()]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([name, providers]) => ({ name, providers }));
  }

  /**
   * Streams the request from the providers serving `request.model`, in routing order:
   * providers not working or with an open circuit are skipped, failures before the first
   * text part are retried or passed to the next provider, and time limits apply per phase
   * (see `TimeoutSettings`). Every failure, including "no provider", surfaces while
   * iterating; stopping the iteration or aborting `options.signal` closes the upstream.
   */
  async *stream(request: ChatRequest, options: RegistryStreamOptions = {}): AsyncGenerator<StreamPart> {
    const normalized = normalizeChatRequest(request);
    const { requested, candidates } = this.#route(normalized, options);
    yield* routeStream({
      ...requestSettings(this.#options, normalized),
      requestedModel: requested,
      candidates,
      request: normalized,
      health: this.#health,
      signal: options.signal,
      listeners: [this.#options.onEvent, options.onEvent],
    });
  }

  /** Streams the request and returns the final text, revisions applied. */
  complete(request: ChatRequest, options: RegistryStreamOptions = {}): Promise<string> {
    return collectText(this.stream(request, options));
  }

  /**
   * The health of every registered provider, in registration order, as last known: with a
   * shared store, other processes' changes show once this registry routed to the provider
   * again or after `refreshHealth()`.
   */
  health(): ProviderHealth[] {
    const store = this.#store;
    return this.list().map((metadata) => {
      const limit = concurrencyLimit(metadata, this.#options.maxConcurrency);
      const waiting = limit === undefined ? 0 : ConcurrencyGate.of(store, metadata.name).waiting;
      return this.#health.report(metadata, limit, waiting);
    });
  }

  /** `health()` after reading the shared state anew (bounded by the store's timeout). */
  async refreshHealth(): Promise<ProviderHealth[]> {
    await this.#health.refresh([...this.#providers.keys()]);
    return this.health();
  }

  /** Whether the routing store is shared and reachable; see `RegistryOptions.store`. */
  storeStatus(): RoutingStoreStatus {
    return this.#store.status();
  }

  /**
   * Overrides whether a provider is routed to: `true` even when its metadata or circuit
   * says otherwise, `false` never, `undefined` clears the override. Applies at once in
   * this registry; the promise settles once the routing store has it (with a shared
   * store: every registry sharing it). Throws `ProviderNotFoundError` for an unknown name.
   */
  setWorking(name: string, working: boolean | undefined): Promise<void> {
    if (!this.#providers.has(name)) throw new ProviderNotFoundError(name, [...this.#providers.keys()]);
    return this.#health.setOverride(name, working);
  }

  get #store(): RoutingStore {
    return this.#options.store ?? this.#ownStore;
  }

  #watchStore(): void {
    this.#unsubscribeStore?.();
    this.#unsubscribeStore = this.#options.store?.subscribe?.((event) => notifyListeners([this.#options.onEvent], event));
  }

  #route(request: ChatRequest, filter: CandidateFilter): { requested: string; candidates: ProviderCandidate[] } {
    const pinned = request.provider === undefined ? undefined : this.#providers.get(request.provider);
    if (request.provider !== undefined && pinned === undefined) {
      throw new ProviderNotFoundError(request.provider, [...this.#providers.keys()]);
    }
    const requested = request.model || this.#defaultModelFor(pinned);
    if (pinned !== undefined) resolveModel(pinned.metadata, requested);
    const candidates = this.candidates(requested, filter).filter(
      (candidate) => pinned === undefined || candidate.metadata.name === pinned.metadata.name,
    );
    if (candidates.length === 0) {
      const known = this.models().map((listing) => listing.name);
      throw new NoProviderForModelError(requested, known, filter.requires, { provider: pinned?.metadata.name });
    }
    return { requested, candidates };
  }

  #defaultModelFor(pinned: RegisteredProvider | undefined): string {
    if (pinned !== undefined) {
      const fallback = this.#defaultModel;
      return fallback !== undefined && servedNames(pinned.metadata).includes(fallback) ? fallback : pinned.metadata.defaultModel;
    }
    if (this.#defaultModel !== undefined) return this.#defaultModel;
    const known = this.models().map((listing) => listing.name);
    throw new InvalidRequestError(
      'The request names no model and the registry has no default model. Pass "model" ' +
        `(one of: ${known.join(', ') || 'none registered yet'}), or set one with ` +
        'createRegistry({ defaultModel }) or registry.configure({ defaultModel }).',
      { param: 'model' },
    );
  }

  #provideSettings(entry: RegisteredProvider, settings: unknown): void {
    entry.scope.register(providerSettingsToken, { useValue: settings });
    entry.instance = undefined;
  }

  #ordered(): RegisteredProvider[] {
    return [...this.#providers.values()].sort(
      (left, right) => (right.metadata.priority ?? 0) - (left.metadata.priority ?? 0) || left.order - right.order,
    );
  }

  #candidate(entry: RegisteredProvider, model: string): ProviderCandidate {
    const registry = this;
    return {
      metadata: entry.metadata,
      model,
      get provider() {
        return registry.get(entry.metadata.name);
      },
    };
  }
}
