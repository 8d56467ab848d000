import {
  ConnectionError,
  GradioAppError,
  ProtocolError,
  QueueFullError,
  StreamTruncatedError,
  SwitchboardError,
  UpstreamHttpError,
} from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSpace } from './connect-space.js';
import { collectEvents } from '../test/collect-events.js';
import { defaultEventId, gradioConfig, startFakeGradioApp, type FakeGradioApp, type FakeGradioAppOptions, type ScriptedStream } from '../test/fake-gradio-app.js';
import { closeStream, completed, estimation, failed, generating, processStarts, unexpectedError } from '../test/gradio-messages.js';

const apps: FakeGradioApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const ours = defaultEventId;

async function submitTo(options: FakeGradioAppOptions & { maxEventBytes?: number; hfToken?: string }) {
  const app = await startFakeGradioApp(options);
  apps.push(app);
  const space = await connectSpace(app.url, { maxEventBytes: options.maxEventBytes, hfToken: options.hfToken });
  const result = await collectEvents(space.submit({ fnIndex: 0, data: ['q'] }));
  return { app, ...result };
}

/** Two outputs ('Hello', then 'Hello wor'), then `ending` writes the rest. */
function afterTwoOutputs(ending: (stream: ScriptedStream) => void) {
  return (stream: ScriptedStream) => {
    stream.send(estimation(ours));
    stream.send(processStarts(ours));
    stream.send(generating(ours, ['', [['q', 'Hello']]]));
    stream.send(generating(ours, [[], [['append', [0, 1], ' wor']]]));
    ending(stream);
  };
}

const partial = ['', [['q', 'Hello wor']]];

function expectError<T extends SwitchboardError>(
  errorClass: { readonly prototype: T; isInstance(value: unknown): boolean },
  error: unknown,
): T {
  expect(errorClass.isInstance(error), String(error)).toBe(true);
  return error as T;
}

describe('join failures', () => {
  it('maps 503 to QueueFullError with the detail and retry-after, and opens no stream', async () => {
    const { app, events, error } = await submitTo({
      join: (_request, response) => {
        response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '7' });
        response.end(JSON.stringify({ detail: 'Queue is full. Max size is 2 and size is 2.' }));
      },
    });
    const full = expectError(QueueFullError, error);
    expect(full.detail).toBe('Queue is full. Max size is 2 and size is 2.');
    expect(full.retryAfterMs).toBe(7000);
    expect(full.retryable).toBe(true);
    expect(full.url).toBe(`${app.url}/queue/join`);
    expect(events).toEqual([]);
    expect(app.streams).toHaveLength(0);
  });

  it('maps a stopped queue (503) to QueueFullError too', async () => {
    const { error } = await submitTo({
      join: (_request, response) => {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end('{"detail":"Queue is stopped."}');
      },
    });
    expect(expectError(QueueFullError, error).detail).toBe('Queue is stopped.');
  });

  it('maps 500 to a retryable UpstreamHttpError with a bounded body excerpt', async () => {
    const { app, error } = await submitTo({
      join: (_request, response) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`list index out of range ${'x'.repeat(5000)}`);
      },
    });
    const http = expectError(UpstreamHttpError, error);
    expect(http.status).toBe(500);
    expect(http.bodyExcerpt.startsWith('list index out of range xxx')).toBe(true);
    expect(http.bodyExcerpt.length).toBeLessThanOrEqual(501);
    expect(http.url).toBe(`${app.url}/queue/join`);
    expect(http.retryable).toBe(true);
  });

  it('maps 401 and 422 to non-retryable UpstreamHttpErrors', async () => {
    for (const [status, body] of [[401, 'Unauthorized'], [422, '{"detail":[{"loc":["body","data"],"msg":"field required"}]}']] as const) {
      const { error } = await submitTo({
        join: (_request, response) => {
          response.writeHead(status);
          response.end(body);
        },
      });
      const http = expectError(UpstreamHttpError, error);
      expect(http.status).toBe(status);
      expect(http.bodyExcerpt).toBe(body);
      expect(http.retryable).toBe(false);
    }
  });

  it('maps a join answer without an event_id, or not JSON, to ProtocolError', async () => {
    for (const body of ['<html>proxy page</html>', '{"detail":"ok"}', '[1]', 'null', '{"event_id":5}']) {
      const { error } = await submitTo({
        join: (_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(body);
        },
      });
      expectError(ProtocolError, error);
    }
  });

  it('maps a data stream answered with an error status to UpstreamHttpError', async () => {
    const { app, error } = await submitTo({
      data: (_request, response) => {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<html><body>Bad Gateway</body></html>');
      },
    });
    const http = expectError(UpstreamHttpError, error);
    expect(http.status).toBe(502);
    expect(http.bodyExcerpt).toBe('<html><body>Bad Gateway</body></html>');
    expect(http.url).toBe(`${app.url}/queue/data`);
  });

  it('maps a join refused after the discovery to a retryable ConnectionError, not a truncated stream', async () => {
    const app = await startFakeGradioApp({});
    apps.push(app);
    const space = await connectSpace(app.url);
    await app.close();
    const { error } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    const refused = expectError(ConnectionError, error);
    expect(StreamTruncatedError.isInstance(error)).toBe(false);
    expect(refused).toMatchObject({ code: 'CONNECTION', networkCode: 'ECONNREFUSED', retryable: true, url: `${app.url}/queue/join` });
    expect(refused.message).toContain('ECONNREFUSED');
  });
});

describe('failures reported by the app', () => {
  it('maps success:false to GradioAppError with the server message and the partial output', async () => {
    const { app, error } = await submitTo({ stream: afterTwoOutputs((stream) => stream.send(failed(ours, "'Rate limited'"))) });
    const failure = expectError(GradioAppError, error);
    expect(failure.kind).toBe('event-failed');
    expect(failure.serverMessage).toBe("'Rate limited'");
    expect(failure.partialOutput).toEqual(partial);
    expect(failure.url).toBe(`${app.url}/queue/data`);
  });

  it('maps a hidden error (error: null) to a GradioAppError without a message', async () => {
    const { error } = await submitTo({ stream: (stream) => stream.send(failed(ours, null)) });
    const failure = expectError(GradioAppError, error);
    expect(failure.serverMessage).toBeNull();
    expect(failure.partialOutput).toBeUndefined();
  });

  it('reads the string "None" as a hidden error before Gradio 5.2 and as a message after', async () => {
    for (const [version, protocol, expected] of [['4.16.0', 'sse_v1', null], ['4.36.1', 'sse_v3', null], ['5.49.1', 'sse_v3', 'None']] as const) {
      const app = await startFakeGradioApp({
        config: gradioConfig({ version, protocol }),
        stream: afterTwoOutputs((stream) => stream.send(failed(ours, 'None'))),
      });
      apps.push(app);
      const space = await connectSpace(app.url);
      const { error } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
      expect(expectError(GradioAppError, error).serverMessage).toBe(expected);
    }
  });

  it('stops at the first unexpected_error and closes the connection', async () => {
    const { app, error } = await submitTo({
      stream: afterTwoOutputs((stream) => {
        for (let index = 0; index < 5; index++) stream.send(unexpectedError('Queue is stopped.'));
      }),
    });
    const failure = expectError(GradioAppError, error);
    expect(failure.kind).toBe('unexpected-error');
    expect(failure.serverMessage).toBe('Queue is stopped.');
    expect(failure.partialOutput).toEqual(partial);
    await app.streams[0]!.socketClosed;
  });

  it('maps the session-not-found unexpected_error sent before anything else', async () => {
    const { error } = await submitTo({
      stream: (stream) => stream.send({ ...unexpectedError('404: Not Found'), session_not_found: true }),
    });
    expect(expectError(GradioAppError, error).serverMessage).toBe('404: Not Found');
  });
});

describe('streams that end or break early', () => {
  it('maps close_stream before the completion to StreamTruncatedError with the partial output', async () => {
    const { error } = await submitTo({ stream: afterTwoOutputs((stream) => stream.send(closeStream())) });
    const truncated = expectError(StreamTruncatedError, error);
    expect(truncated.message).toContain('close_stream');
    expect(truncated.partialOutput).toEqual(partial);
  });

  it('maps an end of stream in the middle of a message to StreamTruncatedError', async () => {
    const { events, error } = await submitTo({
      stream: afterTwoOutputs((stream) => {
        stream.raw('data: {"msg":"process_generating","event_id":"');
        stream.end();
      }),
    });
    expect(events.filter((event) => event.type === 'output')).toHaveLength(2);
    const truncated = expectError(StreamTruncatedError, error);
    expect(truncated.retryable).toBe(true);
    expect(truncated.partialOutput).toEqual(partial);
  });

  it('maps a dropped connection to a retryable StreamTruncatedError', async () => {
    const { error } = await submitTo({
      stream: afterTwoOutputs((stream) => {
        stream.raw('data: {"msg":');
        setTimeout(() => stream.destroy(), 10);
      }),
    });
    const truncated = expectError(StreamTruncatedError, error);
    expect(truncated.retryable).toBe(true);
    expect(truncated.partialOutput).toEqual(partial);
  });

  it('maps an end of stream right after the last output (sse_v1 style) to StreamTruncatedError', async () => {
    const { error } = await submitTo({ stream: afterTwoOutputs((stream) => stream.end()) });
    expect(expectError(StreamTruncatedError, error).partialOutput).toEqual(partial);
  });
});

describe('malformed messages', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['invalid JSON', 'data: {"msg":"process_generating",\n\n', /not valid JSON/],
    ['a message that is not an object', 'data: [1,2]\n\n', /not a JSON object/],
    ['a message without msg', `data: {"event_id":"${ours}"}\n\n`, /no msg field/],
    ['an output without data', `data: {"msg":"process_generating","event_id":"${ours}","output":{"is_generating":true},"success":true}\n\n`, /no data list/],
    ['edits that are not lists', `data: {"msg":"process_generating","event_id":"${ours}","output":{"data":[[],"x"]},"success":true}\n\n`, /not a list of edits/],
    ['an unknown op', `data: {"msg":"process_generating","event_id":"${ours}","output":{"data":[[],[["move",[0,1],"x"]]]},"success":true}\n\n`, /unknown op/],
    ['a path that cannot be walked', `data: {"msg":"process_generating","event_id":"${ours}","output":{"data":[[],[["append",[3,1],"x"]]]},"success":true}\n\n`, /out of range/],
    ['an append to a list', `data: {"msg":"process_generating","event_id":"${ours}","output":{"data":[[],[["append",[0],"x"]]]},"success":true}\n\n`, /append target is a list/],
    ['a diff with the wrong number of outputs', `data: {"msg":"process_generating","event_id":"${ours}","output":{"data":[[]]},"success":true}\n\n`, /1 outputs where the event has 2/],
  ];
  for (const [name, raw, message] of cases) {
    it(`maps ${name} to ProtocolError with the last good output`, async () => {
      const { error } = await submitTo({ stream: afterTwoOutputs((stream) => stream.raw(raw)) });
      const protocol = expectError(ProtocolError, error);
      expect(protocol.message).toMatch(message);
      expect(protocol.partialOutput).toEqual(partial);
    });
  }

  it('leaves the partial output as the last good message made it when a diff fails halfway', async () => {
    const raw = `data: {"msg":"process_generating","event_id":"${ours}","output":{"data":[[["replace",[],"changed"]],[["append",[0,1],"ld"],["add",[1],["new",null]],["append",[5,1],"!"]]]},"success":true}\n\n`;
    const { error } = await submitTo({ stream: afterTwoOutputs((stream) => stream.raw(raw)) });
    expect(expectError(ProtocolError, error).partialOutput).toEqual(partial);
  });

  it('maps an event larger than maxEventBytes to ProtocolError and closes the stream', async () => {
    const { app, error } = await submitTo({
      maxEventBytes: 4096,
      stream: afterTwoOutputs((stream) => stream.raw(`data: {"msg":"process_generating","text":"${'x'.repeat(100_000)}`)),
    });
    const protocol = expectError(ProtocolError, error);
    expect(protocol.message).toContain('4096 bytes');
    expect(protocol.partialOutput).toEqual(partial);
    await app.streams[0]!.socketClosed;
  });

  it('keeps what arrived before the completion when it is the last thing on the stream', async () => {
    const { events, error } = await submitTo({ stream: afterTwoOutputs((stream) => stream.send(completed(ours, partial))) });
    expect(error).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'completed', values: partial, cancelled: false });
  });
});
