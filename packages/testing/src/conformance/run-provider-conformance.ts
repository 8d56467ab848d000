import { findProviderMetadata, type ProviderMetadata } from '@switchboard/core';
import { afterEach, describe, it } from 'vitest';
import { registerAbortChecks } from './abort-checks.js';
import { createConformanceContext } from './conformance-context.js';
import type { ProviderConformanceOptions } from './conformance-harness.js';
import { registerFailureChecks } from './failure-checks.js';
import { registerMetadataChecks } from './metadata-checks.js';
import { planConformance } from './plan-conformance.js';
import { registerSettingsChecks } from './settings-checks.js';
import { registerStreamingChecks } from './streaming-checks.js';

/**
 * Registers the shared vitest suite every provider must pass. Call it once, at the top level
 * of a test file in the provider's package.
 *
 * What it checks: metadata and model resolution; an answer streamed in several text parts
 * with exactly one `finish` at the end and nothing after it; `finish.usage` counts; an
 * already aborted signal; an abort mid-stream settling with `AbortError` in time; the
 * upstream connection closing after an abort and after the consumer leaves its loop; each
 * upstream failure kind mapped to its typed error; declared generation settings reaching
 * the upstream.
 *
 * How the harness takes part: `start(scenario)` starts an upstream for one test and returns
 * a provider pointed at it. The scenario carries the request the suite will send and the
 * answer it would like; the harness may return its own `request` and `expectedText` instead
 * (see `ConformanceUpstream`). Each failure kind is declared in `failures` (with the
 * error code expected) or in `skip` (with the reason); `connection-close` and
 * `generation-settings` run unless skipped with a reason. A kind declared nowhere, or a skip
 * without a reason, is a failing test; a skip is a skipped test whose title shows the reason.
 *
 * @example
 * // An HTTP provider tested against a scripted loopback server:
 * runProviderConformance({
 *   providerClass: MyProvider,
 *   async start(scenario) {
 *     const server = await startScriptedServer({ routes: { 'POST /chat': replyFor(scenario) } });
 *     const connectionClosed = server.nextClientClose();
 *     if (scenario.kind === 'failure' && scenario.failure === 'connection-refused') await server.close();
 *     return {
 *       provider: new MyProvider({ baseUrl: server.url }),
 *       connectionClosed,
 *       receivedSettings: () => settingsFrom(server.requests.at(-1)?.body),
 *       close: () => server.close(),
 *     };
 *   },
 *   failures: { 'server-error': 'UPSTREAM_HTTP', truncated: 'STREAM_TRUNCATED', malformed: 'PROTOCOL', 'connection-refused': 'CONNECTION' },
 *   skip: { 'queue-full': 'the upstream has no queue', 'app-error': 'the upstream reports no application errors' },
 * });
 */
export function runProviderConformance(options: ProviderConformanceOptions): void {
  const metadata = metadataOf(options);
  const plan = planConformance(options, metadata);
  const context = createConformanceContext(options, metadata);

  describe(`provider conformance: ${metadata.name}`, () => {
    afterEach(() => context.closeAll());

    if (plan.problems.length > 0) {
      it('has a valid conformance declaration', () => {
        throw new Error(plan.problems.join('\n'));
      });
    }
    registerMetadataChecks(context, options.providerClass);
    registerStreamingChecks(context);
    registerAbortChecks(context, plan.connectionClose);
    registerFailureChecks(context, plan.failures);
    registerSettingsChecks(context, plan.generationSettings);
  });
}

function metadataOf(options: ProviderConformanceOptions): ProviderMetadata {
  const metadata = options.metadata ?? findProviderMetadata(options.providerClass);
  if (metadata === undefined) {
    throw new Error(`${options.providerClass.name} has no metadata: pass "metadata" or decorate the class with @RegisterProvider.`);
  }
  return metadata;
}
