import type { IncomingMessage, ServerResponse } from 'node:http';
import { estimationMessage } from '@switchboard/gradio/wire';
import { appConfig } from './app-config.js';
import { appInfo } from './app-info.js';
import { DataStream } from './data-stream.js';
import type { EmulatorContext } from './emulator-context.js';
import type { RecordedRequest } from './emulator-options.js';
import { handleCancel } from './handle-cancel.js';
import { handleJoin } from './handle-join.js';
import { jsonReply, sendReply } from './http-reply.js';
import { openHeartbeatStream } from './open-heartbeat-stream.js';
import { readRequestBody, type RequestBody } from './read-request-body.js';

const notFound = jsonReply(404, { detail: 'Not Found' });
const homePage = '<!doctype html><html><head><title>Gradio</title></head><body><gradio-app></gradio-app></body></html>';

function record(requests: RecordedRequest[], request: IncomingMessage, url: URL, body: RequestBody | undefined): void {
  const parsed = body === undefined || body.text === '' ? undefined : body.isJson ? body.value : body.text;
  requests.push({
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body: parsed,
  });
}

/** Serves one request of the emulated app. */
export async function routeRequest(
  context: EmulatorContext,
  requests: RecordedRequest[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator.invalid');
  const method = request.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readRequestBody(request);
  record(requests, request, url, body);
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const { profile } = context;

  if (method === 'GET' && path === '/config') {
    const root = `http://${request.headers.host ?? 'localhost'}`;
    return sendReply(response, jsonReply(200, appConfig(profile, context.options.app, root)));
  }
  if (method === 'GET' && path === '/') {
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    return sendReply(response, { status: 200, headers, body: homePage });
  }
  if (!path.startsWith(`${profile.apiPrefix}/`)) return sendReply(response, notFound);
  const route = path.slice(profile.apiPrefix.length);
  const routeKey = `${method} ${route}`;

  if (routeKey === 'GET /info') return sendReply(response, jsonReply(200, appInfo(profile, context.options.app)));
  if (routeKey === 'POST /queue/join') return sendReply(response, handleJoin(context, body as RequestBody));
  if (routeKey === 'POST /cancel') return sendReply(response, handleCancel(context, body as RequestBody));
  if (routeKey === 'POST /reset') return sendReply(response, jsonReply(200, { success: true }));
  if (routeKey === 'GET /queue/status') {
    const waiting = [...context.activeRuns].filter((run) => run.state === 'queued').length;
    return sendReply(response, jsonReply(200, estimationMessage(null, null, waiting, null)));
  }
  if (routeKey === 'GET /queue/data') {
    const sessionHash = url.searchParams.get('session_hash');
    if (sessionHash === null) {
      const detail = [{ type: 'missing', loc: ['query', 'session_hash'], msg: 'Field required', input: null }];
      return sendReply(response, jsonReply(422, { detail }));
    }
    return new DataStream(context, context.sessions.get(sessionHash), response).open();
  }
  if (method === 'GET' && /^\/heartbeat\/[^/]+$/.test(route)) return openHeartbeatStream(context, response);
  if (['/info', '/queue/join', '/cancel', '/reset', '/queue/status', '/queue/data'].includes(route)) {
    return sendReply(response, jsonReply(405, { detail: 'Method Not Allowed' }));
  }
  return sendReply(response, notFound);
}
