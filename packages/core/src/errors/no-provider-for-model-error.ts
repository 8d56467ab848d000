import type { ProviderCapability } from '../spec/capability.js';
import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** No registered provider serves the requested model or alias with the required capabilities. */
export class NoProviderForModelError extends SwitchboardError {
  static override readonly code = 'NO_PROVIDER_FOR_MODEL';
  readonly requestedModel: string;
  readonly requires: readonly ProviderCapability[];
  readonly knownModels: readonly string[];

  constructor(
    requestedModel: string,
    knownModels: readonly string[],
    requires: readonly ProviderCapability[] = [],
    options: SwitchboardErrorOptions = {},
  ) {
    const capabilities = requires.length > 0 ? ` with ${requires.join(', ')}` : '';
    const known = knownModels.length > 0 ? knownModels.join(', ') : 'none (import a provider package first)';
    super(
      `No registered provider serves model "${requestedModel}"${capabilities}. Known models: ${known}.`,
      { ...options, model: options.model ?? requestedModel },
    );
    this.requestedModel = requestedModel;
    this.requires = requires;
    this.knownModels = knownModels;
  }
}
