import type { ConformanceFailureCodes } from '../../src/conformance/index.js';

/** The error codes of every failure kind, as the test chat provider maps them. */
export const chatFailureCodes: ConformanceFailureCodes = {
  'queue-full': 'QUEUE_FULL',
  'server-error': 'UPSTREAM_HTTP',
  'app-error': 'UPSTREAM_APP',
  truncated: 'STREAM_TRUNCATED',
  malformed: 'PROTOCOL',
  'connection-refused': 'CONNECTION',
};
