import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** One provider's failed attempt, as reported in `AllProvidersFailedError`. */
export interface ProviderFailure {
  provider: string;
  error: Error;
}

/** Every candidate for a model failed; `failures` lists each provider with its cause. */
export class AllProvidersFailedError extends SwitchboardError {
  static override readonly code = 'ALL_PROVIDERS_FAILED';
  readonly failures: readonly ProviderFailure[];

  constructor(model: string, failures: readonly ProviderFailure[], options: SwitchboardErrorOptions = {}) {
    const causes = failures.map(({ provider, error }) => `${provider}: ${error.message}`).join('; ');
    super(`Every provider for model "${model}" failed. ${causes}`, {
      ...options,
      model: options.model ?? model,
      cause: options.cause ?? failures.at(-1)?.error,
    });
    this.failures = failures;
  }
}
