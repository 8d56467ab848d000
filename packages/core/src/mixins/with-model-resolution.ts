import { ProviderRegistrationError } from '../errors/provider-registration-error.js';
import { findProviderMetadata } from '../metadata/provider-metadata-store.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import { resolveModel } from './resolve-model.js';

type AbstractClass = abstract new (...args: any[]) => object;

/**
 * Adds `metadata` (as registered for the instance's class) and `getModel(name)`, which
 * maps empty → default model, alias → canonical id, unknown → `ModelNotSupportedError`.
 */
export function withModelResolution<TBase extends AbstractClass>(Base: TBase) {
  abstract class ModelResolving extends Base {
    /** The metadata this provider was registered with (its own registration, else its class's). */
    get metadata(): ProviderMetadata {
      const metadata = findProviderMetadata(this) ?? findProviderMetadata(this.constructor);
      if (metadata === undefined) {
        throw new ProviderRegistrationError(
          `${this.constructor.name} has no provider metadata: decorate it with @RegisterProvider(...) or call registerProvider(...).`,
        );
      }
      return metadata;
    }

    /** The canonical model id for a requested name or alias. */
    getModel(requested?: string): string {
      return resolveModel(this.metadata, requested);
    }
  }
  return ModelResolving;
}
