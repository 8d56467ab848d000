import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** A provider could not be registered: duplicate name, incomplete metadata, or not a provider. */
export class ProviderRegistrationError extends SwitchboardError {
  static override readonly code = 'PROVIDER_REGISTRATION';

  constructor(message: string, options: SwitchboardErrorOptions = {}) {
    super(message, options);
  }
}
