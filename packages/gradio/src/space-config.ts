import { ProtocolError } from '@switchboard/core';

/** Queue protocols this client speaks, as announced in `/config`. Later `sse_vN` labels are accepted too. */
export type GradioProtocol = 'sse_v1' | 'sse_v2' | 'sse_v2.1' | 'sse_v3' | (string & {});

/** What the client needs from a Gradio app's `/config`. */
export interface SpaceConfig {
  /** The server's Gradio version (e.g. `"4.36.1"`), or null when the config does not say. */
  version: string | null;
  protocol: GradioProtocol;
  /** Prefix of every API route: `""` for Gradio 4, `"/gradio_api"` for Gradio 5 and later. */
  apiPrefix: string;
  /** Whether `process_generating` messages after an event's first carry diffs (`sse_v2` and later). */
  usesDiffs: boolean;
  /** `dependencies` as sent: an entry's `id` (normally its position) is the `fnIndex` to submit. */
  dependencies: unknown[];
  /** `components` as sent. */
  components: unknown[];
  /** The whole `/config` document. */
  raw: Record<string, unknown>;
}

const ssePattern = /^sse_v(\d+)(?:\.(\d+))?$/;

/**
 * Reads a parsed `/config` document. Throws `ProtocolError` when it is not an object, or
 * when the app uses a queue protocol this client does not speak: `ws` (Gradio 3) and
 * `sse` (Gradio 4.0–4.8); the message names the app's version and protocol.
 */
export function parseSpaceConfig(raw: unknown, options: { url?: string } = {}): SpaceConfig {
  const url = options.url;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProtocolError('the /config response is not a JSON object', { url });
  }
  const config = raw as Record<string, unknown>;
  const version = typeof config.version === 'string' && config.version !== '' ? config.version : null;
  const protocol = typeof config.protocol === 'string' ? config.protocol : 'ws';
  const label = `Gradio ${version ?? '(unknown version)'}`;
  if (protocol === 'ws' || protocol === 'sse') {
    const generation = protocol === 'ws' ? 'the Gradio 3 websocket queue' : 'the Gradio 4.0-4.8 queue';
    throw new ProtocolError(
      `the app runs ${label} with queue protocol "${protocol}" (${generation}), which this client does not speak; it needs sse_v1 or later (Gradio 4.9+)`,
      { url },
    );
  }
  const match = ssePattern.exec(protocol);
  if (match === null) {
    throw new ProtocolError(`the app runs ${label} with an unknown queue protocol ${JSON.stringify(protocol)}`, { url });
  }
  return {
    version,
    protocol,
    apiPrefix: normalizePrefix(config.api_prefix, url),
    usesDiffs: Number(match[1]) >= 2,
    dependencies: listField(config, 'dependencies', url),
    components: listField(config, 'components', url),
    raw: config,
  };
}

function normalizePrefix(value: unknown, url: string | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ProtocolError('the /config field api_prefix is not a string', { url });
  const trimmed = value.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function listField(config: Record<string, unknown>, name: string, url: string | undefined): unknown[] {
  const value = config[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ProtocolError(`the /config field ${name} is not a list`, { url });
  return value;
}
