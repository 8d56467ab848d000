/** One way of reading the answer, measured in its own worker process. */
export interface BenchModeInfo {
  key: 'a' | 'b' | 'c' | 'd';
  label: string;
  /** The worker's file name in the built bench, without extension. */
  worker: string;
}

export const benchModes: readonly BenchModeInfo[] = [
  { key: 'a', label: '(a) undici, bytes only', worker: 'read-bytes' },
  { key: 'b', label: '(b) parse floor: eventsource-parser + JSON.parse', worker: 'parse-floor' },
  { key: 'c', label: '(c) @switchboard/gradio, final text', worker: 'switchboard-client' },
  { key: 'd', label: '(d) @gradio/client 2.7.0, final text', worker: 'official-client' },
];
