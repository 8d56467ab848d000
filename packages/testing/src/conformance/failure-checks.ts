import { SwitchboardError, applyTextPart } from '@switchboard/core';
import { expect, it } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import type { FailurePlan } from './plan-conformance.js';
import { readParts, settleWithin } from './read-parts.js';

/** One test per failure kind: checked when declared, visibly skipped with its reason, or failing when undeclared. */
export function registerFailureChecks(context: ConformanceContext, plans: readonly FailurePlan[]): void {
  for (const plan of plans) {
    const title = `maps the upstream failure "${plan.failure}" to a typed error`;
    if (plan.mode === 'skip') {
      it.skip(`${title} (skipped: ${plan.reason})`, () => {});
    } else if (plan.mode === 'invalid') {
      it(`declares how it handles the upstream failure "${plan.failure}"`, () => {
        throw new Error(plan.problem);
      });
    } else {
      it(`${title}: ${plan.code}`, async () => {
        const { upstream, request, model } = await context.start({ kind: 'failure', failure: plan.failure });
        const { parts, error } = await settleWithin(
          readParts(upstream.provider.createAsyncGenerator(request)),
          context.settleLimitMs,
          `the stream failing with "${plan.failure}"`,
        );
        expect(SwitchboardError.isInstance(error), `expected a SwitchboardError, got ${String(error)}`).toBe(true);
        const typed = error as SwitchboardError;
        expect(typed.code).toBe(plan.code);
        expect(typed.provider, 'the error names the provider').toBe(context.metadata.name);
        expect(typed.model, 'the error names the canonical model').toBe(model);
        expect(parts.filter((part) => part.type === 'finish')).toEqual([]);
        const streamed = parts.reduce(applyTextPart, '');
        if (streamed !== '') expect(typed.partialText, 'partialText holds the text streamed before the failure').toBe(streamed);
      });
    }
  }
}
