export type {
  ConformanceFailure,
  ConformanceScenario,
  ConformanceUpstream,
  ProviderConformanceOptions,
} from './conformance-harness.js';
export { readParts, settleWithin, type ReadResult } from './read-parts.js';
export { runProviderConformance } from './run-provider-conformance.js';
