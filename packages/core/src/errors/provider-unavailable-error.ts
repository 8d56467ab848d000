import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/**
 * Why routing skipped a provider: `not-working` (its metadata says so), `disabled`
 * (`setWorking(name, false)`), `circuit-open` (recent failures), `trial-in-progress`
 * (another request is testing whether it recovered).
 */
export type UnavailableReason = 'not-working' | 'disabled' | 'circuit-open' | 'trial-in-progress';

export interface ProviderUnavailableErrorOptions extends SwitchboardErrorOptions {
  /** For `circuit-open`: milliseconds until a trial request is allowed. */
  retryInMs?: number;
}

const explanations: Record<UnavailableReason, (name: string, retryInMs?: number) => string> = {
  'not-working': (name) => `is marked not working; registry.setWorking("${name}", true) routes to it anyway`,
  disabled: (name) => `was disabled with registry.setWorking("${name}", false)`,
  'circuit-open': (_name, retryInMs) =>
    `failed repeatedly and is skipped for ${Math.ceil((retryInMs ?? 0) / 1000)} s more`,
  'trial-in-progress': () => 'failed repeatedly; another request is checking whether it recovered',
};

/** Routing skipped the provider without trying it; `reason` says why. */
export class ProviderUnavailableError extends SwitchboardError {
  static override readonly code = 'PROVIDER_UNAVAILABLE';
  readonly reason: UnavailableReason;
  readonly retryInMs?: number;

  constructor(providerName: string, reason: UnavailableReason, options: ProviderUnavailableErrorOptions = {}) {
    super(`Provider ${providerName} ${explanations[reason](providerName, options.retryInMs)}.`, {
      ...options,
      provider: options.provider ?? providerName,
    });
    this.reason = reason;
    this.retryInMs = options.retryInMs;
  }
}
