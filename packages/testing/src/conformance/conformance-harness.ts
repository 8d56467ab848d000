import type { ChatProvider, ChatProviderClass, ChatRequest, GenerationSettings, ProviderMetadata } from '@switchboard/core';

/**
 * Upstream failures a provider must turn into typed errors:
 * - `queue-full`: the upstream refuses the request because its queue is full;
 * - `server-error`: the upstream answers an HTTP 5xx before streaming;
 * - `app-error`: the upstream application reports that generation failed;
 * - `truncated`: the stream ends (or the connection drops) before the answer completed;
 * - `malformed`: the upstream sends something its protocol does not allow (e.g. bad JSON);
 * - `connection-refused`: nothing listens at the upstream's address, so the request fails
 *   before any byte arrives; it must surface as `CONNECTION`.
 */
export type ConformanceFailure = 'queue-full' | 'server-error' | 'app-error' | 'truncated' | 'malformed' | 'connection-refused';

/** Every failure kind, in the order the suite checks them. */
export const conformanceFailures: readonly ConformanceFailure[] = [
  'queue-full',
  'server-error',
  'app-error',
  'truncated',
  'malformed',
  'connection-refused',
];

/**
 * Checks, besides the failure kinds, that need something from the harness and may be skipped
 * with a reason:
 * - `connection-close`: the harness reports when the upstream saw the connection close
 *   ({@link ConformanceUpstream.connectionClosed});
 * - `generation-settings`: the harness reports the settings the upstream received
 *   ({@link ConformanceUpstream.receivedSettings}).
 */
export type ConformanceCheck = 'connection-close' | 'generation-settings';

/**
 * What the upstream should do for one test. Every scenario carries `request`, the request the
 * suite will send unless the harness returns its own, and `answer`, the text the suite would
 * like the upstream to produce.
 */
export type ConformanceScenario =
  /** Answer `answer` in several pieces, then end normally. */
  | { kind: 'answer'; request: ChatRequest; answer: string }
  /**
   * Send the first pieces of `answer` (at least one text piece reaches the provider), then
   * send nothing more and keep the connection open until the provider closes it. Only the
   * provider may end this stream; the suite aborts it or stops reading.
   */
  | { kind: 'stall'; request: ChatRequest; answer: string }
  /** Fail in the given way; some text of `answer` may be streamed before the failure. */
  | { kind: 'failure'; failure: ConformanceFailure; request: ChatRequest; answer: string };

/** One upstream started for one test, and a provider pointed at it. */
export interface ConformanceUpstream {
  provider: ChatProvider;
  /**
   * The request to send instead of `scenario.request`, for a provider whose answer depends on
   * it (an echo provider answers with the prompt: put `scenario.answer` in the last user
   * message). Its `model` must be one the provider serves.
   */
  request?: ChatRequest;
  /**
   * The exact final text the `answer` scenario must produce, when it is not `scenario.answer`
   * (for instance when the upstream cannot be told what to say).
   */
  expectedText?: string;
  /**
   * Needed in the `stall` scenario unless `connection-close` is skipped: a promise the harness
   * resolves only when its upstream server saw the provider's connection (or the stream on it)
   * close, e.g. `server.nextClientClose()` of a scripted server, created before the provider
   * connects. The suite fails the check if it is already resolved while the provider is still
   * reading, or if it does not resolve after the abort, so a no-op can never pass.
   */
  connectionClosed?: Promise<void>;
  /**
   * Needed when the metadata declares `supportedSettings`, unless `generation-settings` is
   * skipped: the generation settings the upstream received with the last request, read back
   * from its wire format (e.g. `max_tokens` → `maxOutputTokens`); `undefined` when it got none.
   */
  receivedSettings?(): GenerationSettings | undefined;
  /** Stops the upstream; called after each test. Optional for an in-process provider. */
  close?(): Promise<void>;
}

/** The error code each failure kind must surface as; `connection-refused` is always `CONNECTION`. */
export type ConformanceFailureCodes = {
  [Kind in ConformanceFailure]?: Kind extends 'connection-refused' ? 'CONNECTION' : string;
};

/** How a provider package plugs into `runProviderConformance`. */
export interface ProviderConformanceOptions {
  providerClass: ChatProviderClass;
  /** Defaults to the metadata the class was decorated or registered with. */
  metadata?: ProviderMetadata;
  /** Starts an upstream (usually a loopback server) behaving as the scenario asks. */
  start(scenario: ConformanceScenario): Promise<ConformanceUpstream> | ConformanceUpstream;
  /**
   * The failure kinds this upstream can produce, each with the error `code` it must surface as,
   * e.g. `{ truncated: 'STREAM_TRUNCATED', malformed: 'PROTOCOL' }`. Every kind must be either
   * here or in `skip`.
   */
  failures?: ConformanceFailureCodes;
  /**
   * Failure kinds and checks this harness cannot exercise, each with the reason, shown in the
   * skipped test's title, e.g. `{ 'queue-full': 'an in-process provider has no queue' }`.
   */
  skip?: { readonly [Kind in ConformanceFailure | ConformanceCheck]?: string };
  /** How long a stream or an awaited close may take to settle before the check fails. Default 5000 ms. */
  settleLimitMs?: number;
}
