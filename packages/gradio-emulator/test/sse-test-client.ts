import { request } from 'undici';

/** One frame received on a data stream, with its arrival time. */
export interface ReceivedFrame {
  /** The payload after `data: `. */
  payload: string;
  /** Parsed payload, or `undefined` when it is not JSON. */
  message: Record<string, unknown> | undefined;
  receivedAt: number;
}

/** The outcome of reading a data stream. */
export interface StreamReading {
  status: number;
  contentType: string | undefined;
  /** Every byte received, decoded. */
  text: string;
  frames: ReceivedFrame[];
  /** Set when the connection failed before the body ended. */
  error: Error | undefined;
}

function parseMessage(payload: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** POSTs JSON and returns the status, headers and raw text of the answer. */
export async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

/** Joins the queue the way a minimal client does and returns the event id. */
export async function joinQueue(
  apiRoot: string,
  sessionHash: string,
  data: unknown[] = ['Hi', []],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const body = { data, event_data: null, fn_index: 0, trigger_id: 1, session_hash: sessionHash, ...extra };
  const joined = await postJson(`${apiRoot}/queue/join`, body);
  if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${joined.text}`);
  return (JSON.parse(joined.text) as { event_id: string }).event_id;
}

/**
 * Reads a data stream frame by frame until the body ends, the connection fails, or `stopWhen`
 * (given the frames and all text so far) returns true: the request is then aborted, closing the socket.
 */
export async function readStream(
  url: string,
  stopWhen: (frames: ReceivedFrame[], text: string) => boolean = () => false,
): Promise<StreamReading> {
  const abortController = new AbortController();
  const response = await request(url, { headers: { accept: 'text/event-stream' }, signal: abortController.signal });
  const decoder = new TextDecoder();
  const frames: ReceivedFrame[] = [];
  let text = '';
  let pending = '';
  let error: Error | undefined;
  try {
    for await (const chunk of response.body) {
      const decoded = decoder.decode(chunk as Buffer, { stream: true });
      text += decoded;
      pending += decoded;
      let end = pending.indexOf('\n\n');
      while (end !== -1) {
        const payload = pending.slice(0, end).replace(/^data: /, '');
        frames.push({ payload, message: parseMessage(payload), receivedAt: performance.now() });
        pending = pending.slice(end + 2);
        end = pending.indexOf('\n\n');
      }
      if (stopWhen(frames, text)) {
        abortController.abort();
        break;
      }
    }
  } catch (caught) {
    if (!abortController.signal.aborted) error = caught as Error;
  }
  const contentType = response.headers['content-type'];
  const type = typeof contentType === 'string' ? contentType : undefined;
  return { status: response.statusCode, contentType: type, text, frames, error };
}

/** The `msg` of every frame. */
export function messageTypes(frames: ReceivedFrame[]): string[] {
  return frames.map((frame) => String(frame.message?.msg ?? '<invalid>'));
}
