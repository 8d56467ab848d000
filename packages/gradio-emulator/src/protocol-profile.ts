import { compareVersions } from '@switchboard/gradio';
import { serverMessageFormat, type JsonStyle, type ServerMessageFormat } from '@switchboard/gradio/wire';
import type { EmulatedGradioVersion } from './emulator-options.js';

/** What differs on the wire between the emulated Gradio versions. */
export interface ProtocolProfile extends ServerMessageFormat {
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
  /** The completion repeats the last generating output verbatim (sse_v1). */
  readonly completionRepeatsLastOutput: boolean;
  /** A hidden error raised after the first yield arrives as the string `"None"` (sse_v1). */
  readonly lateHiddenErrorIsNone: boolean;
}

const releases: Record<EmulatedGradioVersion, Pick<ProtocolProfile, 'gradioVersion' | 'protocol'>> = {
  '4.16': { gradioVersion: '4.16.0', protocol: 'sse_v1' },
  '4.20': { gradioVersion: '4.20.1', protocol: 'sse_v2' },
  '4.21': { gradioVersion: '4.21.0', protocol: 'sse_v2.1' },
  '4.36': { gradioVersion: '4.36.1', protocol: 'sse_v3' },
  '5': { gradioVersion: '5.9.1', protocol: 'sse_v3' },
};

/** The wire profile of an emulated version. */
export function protocolProfileFor(version: EmulatedGradioVersion): ProtocolProfile {
  const release = releases[version];
  if (!release) throw new TypeError(`Unsupported emulated Gradio version: ${String(version)}; use one of ${Object.keys(releases).join(', ')}.`);
  const { gradioVersion, protocol } = release;
  const atLeast = (minimum: string) => compareVersions(gradioVersion, minimum) >= 0;
  return {
    ...serverMessageFormat(gradioVersion),
    version,
    gradioVersion,
    protocol,
    apiPrefix: atLeast('5.0') ? '/gradio_api' : '',
    jsonStyle: atLeast('4.24') ? 'compact' : 'python',
    sendsDiffs: protocol !== 'sse_v1',
    sendsCloseStream: protocol === 'sse_v3',
    completionRepeatsLastOutput: protocol === 'sse_v1',
    lateHiddenErrorIsNone: protocol === 'sse_v1',
  };
}
