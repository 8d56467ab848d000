import type { EmulatedGradioVersion } from './emulator-options.js';
import type { JsonStyle } from './encode-json.js';

/** What differs on the wire between the emulated Gradio versions. */
export interface ProtocolProfile {
  readonly version: EmulatedGradioVersion;
  /** The `version` announced in /config. */
  readonly gradioVersion: string;
  readonly protocol: 'sse_v1' | 'sse_v2' | 'sse_v2.1' | 'sse_v3';
  readonly apiPrefix: '' | '/gradio_api';
  /** `python` = `json.dumps` (before 4.24), `compact` = orjson. */
  readonly jsonStyle: JsonStyle;
  /** `process_generating` after the first one carries diffs (sse_v2+). */
  readonly sendsDiffs: boolean;
  /** `close_stream` ends the body (sse_v3). */
  readonly sendsCloseStream: boolean;
  /** `heartbeat`, `close_stream` and `unexpected_error` carry `"event_id":null` (4.39+). */
  readonly nullStreamEventIds: boolean;
  /** `process_generating` carries `time_limit` (5.0+). */
  readonly generatingTimeLimit: boolean;
  /** `process_completed` carries `title` (5.2+). */
  readonly completedTitle: boolean;
  /** Outputs carry `render_config` and `changed_state_ids` (4.31/4.32+). */
  readonly renderFields: boolean;
  /** The completion repeats the last generating output verbatim (sse_v1). */
  readonly completionRepeatsLastOutput: boolean;
  /** `gr.Error` text arrives as Python repr (`'msg'`) before 5.2; after that bare, with display fields. */
  readonly quotesErrorMessages: boolean;
  /** A hidden error raised after the first yield arrives as the string `"None"` (sse_v1). */
  readonly lateHiddenErrorIsNone: boolean;
  /** Messages are typed models: `unexpected_error` carries `success:false` (4.22+). */
  readonly typedMessages: boolean;
}

const baseProfile = {
  apiPrefix: '',
  nullStreamEventIds: false,
  generatingTimeLimit: false,
  completedTitle: false,
  quotesErrorMessages: true,
} as const;

const profiles: Record<EmulatedGradioVersion, ProtocolProfile> = {
  '4.16': {
    ...baseProfile,
    version: '4.16',
    gradioVersion: '4.16.0',
    protocol: 'sse_v1',
    jsonStyle: 'python',
    sendsDiffs: false,
    sendsCloseStream: false,
    renderFields: false,
    completionRepeatsLastOutput: true,
    lateHiddenErrorIsNone: true,
    typedMessages: false,
  },
  '4.20': {
    ...baseProfile,
    version: '4.20',
    gradioVersion: '4.20.1',
    protocol: 'sse_v2',
    jsonStyle: 'python',
    sendsDiffs: true,
    sendsCloseStream: false,
    renderFields: false,
    completionRepeatsLastOutput: false,
    lateHiddenErrorIsNone: false,
    typedMessages: false,
  },
  '4.21': {
    ...baseProfile,
    version: '4.21',
    gradioVersion: '4.21.0',
    protocol: 'sse_v2.1',
    jsonStyle: 'python',
    sendsDiffs: true,
    sendsCloseStream: false,
    renderFields: false,
    completionRepeatsLastOutput: false,
    lateHiddenErrorIsNone: false,
    typedMessages: false,
  },
  '4.36': {
    ...baseProfile,
    version: '4.36',
    gradioVersion: '4.36.1',
    protocol: 'sse_v3',
    jsonStyle: 'compact',
    sendsDiffs: true,
    sendsCloseStream: true,
    renderFields: true,
    completionRepeatsLastOutput: false,
    lateHiddenErrorIsNone: false,
    typedMessages: true,
  },
  '5': {
    version: '5',
    gradioVersion: '5.9.1',
    protocol: 'sse_v3',
    apiPrefix: '/gradio_api',
    jsonStyle: 'compact',
    sendsDiffs: true,
    sendsCloseStream: true,
    nullStreamEventIds: true,
    generatingTimeLimit: true,
    completedTitle: true,
    renderFields: true,
    completionRepeatsLastOutput: false,
    quotesErrorMessages: false,
    lateHiddenErrorIsNone: false,
    typedMessages: true,
  },
};

/** The wire profile of an emulated version. */
export function protocolProfileFor(version: EmulatedGradioVersion): ProtocolProfile {
  const profile = profiles[version];
  if (!profile) throw new Error(`Unsupported emulated Gradio version: ${String(version)}`);
  return profile;
}
