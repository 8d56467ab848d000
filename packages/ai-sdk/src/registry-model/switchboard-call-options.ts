import { InvalidArgumentError, type SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { TimeoutSettings } from '@switchboard/core';

/**
 * Switchboard-specific call options, given as `providerOptions: { switchboard: { ... } }`
 * to `streamText` or `generateText`.
 */
export interface SwitchboardCallOptions {
  /** Name of the one provider that may serve the call (pinning). Default: any that serves the model. */
  provider?: string;
  /** Time limits of this call; unset fields take the registry's. */
  timeouts?: TimeoutSettings;
}

/** Reads and checks `providerOptions.switchboard`; throws `InvalidArgumentError` for a field of the wrong type. */
export function switchboardCallOptions(providerOptions: SharedV4ProviderOptions | undefined): SwitchboardCallOptions {
  const options = providerOptions?.switchboard;
  if (options === undefined) return {};
  const { provider, timeouts } = options as Record<string, unknown>;
  if (provider !== undefined && (typeof provider !== 'string' || provider === '')) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.switchboard.provider',
      message: 'providerOptions.switchboard.provider must be the name of a registered provider.',
    });
  }
  if (timeouts !== undefined && (typeof timeouts !== 'object' || timeouts === null || Array.isArray(timeouts))) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.switchboard.timeouts',
      message: 'providerOptions.switchboard.timeouts must be an object such as { firstTokenMs: 30000 }.',
    });
  }
  return {
    ...(provider === undefined ? {} : { provider }),
    ...(timeouts === undefined ? {} : { timeouts: timeouts as TimeoutSettings }),
  };
}
