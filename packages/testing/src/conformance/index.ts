export {
  conformanceFailures,
  type ConformanceCheck,
  type ConformanceFailure,
  type ConformanceFailureCodes,
  type ConformanceScenario,
  type ConformanceUpstream,
  type ProviderConformanceOptions,
} from './conformance-harness.js';
export { readParts, readRest, readUntilText, settleWithin, type ReadResult } from './read-parts.js';
export { runProviderConformance } from './run-provider-conformance.js';
export { usageProblems } from './usage-problems.js';
