/** One way of reading the answer, measured in its own worker process. */
export interface BenchModeInfo {
  key: 'a' | 'b' | 'c' | 'd';
  label: string;
  /** The worker's file name in the built bench, without extension. */
  worker: string;
}

export const benchModes: readonly BenchModeInfo[] = [
  { key: 'a', label: '(a) undici, bytes only', worker: 'read-bytes' },
  { key: 'b', label: '(b) @switchboard/provider-openai-compatible, final text', worker: 'switchboard-provider' },
  { key: 'c', label: '(c) openai 7.59.0, stream: true, deltas concatenated', worker: 'openai-client' },
  { key: 'd', label: '(d) @ai-sdk/openai-compatible 3.0.92 + ai 7.0.173 streamText', worker: 'ai-sdk' },
];
