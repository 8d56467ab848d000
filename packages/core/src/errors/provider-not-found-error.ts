import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** No provider is registered under the requested name. */
export class ProviderNotFoundError extends SwitchboardError {
  static override readonly code = 'PROVIDER_NOT_FOUND';
  readonly providerName: string;
  readonly registered: readonly string[];

  constructor(providerName: string, registered: readonly string[], options: SwitchboardErrorOptions = {}) {
    const known = registered.length > 0 ? registered.join(', ') : 'none (import a provider package first)';
    super(`No provider named "${providerName}" is registered. Registered providers: ${known}.`, options);
    this.providerName = providerName;
    this.registered = registered;
  }
}
