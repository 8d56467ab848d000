import type { ChatProvider, ChatProviderClass, ProviderMetadata } from '@switchboard/core';

/** Upstream failures a provider must turn into typed errors. */
export type ConformanceFailure = 'queue-full' | 'server-error' | 'app-error' | 'truncated' | 'malformed';

/** What the upstream should do for one test. */
export type ConformanceScenario =
  /** Answer with exactly this text, streamed in several pieces. */
  | { kind: 'answer'; answer: string }
  /** Stream this text slowly (tens of milliseconds between pieces), so it can be aborted midway. */
  | { kind: 'slow-answer'; answer: string }
  /** Fail in the given way. */
  | { kind: 'failure'; failure: ConformanceFailure };

/** One upstream started for one test, and the provider pointed at it. */
export interface ConformanceUpstream {
  provider: ChatProvider;
  /** Resolves once the upstream has seen the provider's streaming connection close. */
  waitForConnectionClose(): Promise<void>;
  close(): Promise<void>;
}

/** How a provider package plugs into `runProviderConformance`. */
export interface ProviderConformanceOptions {
  providerClass: ChatProviderClass;
  /** Defaults to the metadata the class was decorated or registered with. */
  metadata?: ProviderMetadata;
  /** Starts an upstream (usually an emulator on 127.0.0.1) behaving as the scenario asks. */
  start(scenario: ConformanceScenario): Promise<ConformanceUpstream>;
  /**
   * The error code each failure must surface as. `server-error`, `truncated` and
   * `malformed` are required; add the others the upstream can produce.
   */
  failures: Record<'server-error' | 'truncated' | 'malformed', string> &
    Partial<Record<ConformanceFailure, string>>;
}
