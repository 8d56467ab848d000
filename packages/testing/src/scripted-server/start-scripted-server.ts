import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback/listen-on-loopback.js';
import { ResponseTracker, type TrackedResponse } from '../loopback/response-tracker.js';
import { readScriptedRequest } from './read-scripted-request.js';
import type { ScriptedReply, ScriptedRequest, ScriptedServer, ScriptedServerOptions } from './scripted-server-options.js';
import { writeScriptedReply } from './write-scripted-reply.js';

/**
 * Starts an HTTP server on 127.0.0.1 (a free port) that answers each request as its route
 * scripts: a status, headers, a JSON or text body, or a `text/event-stream` body played step
 * by step (events, comments, delays, raw bytes, a dropped connection, a stall). It records
 * every request and tells apart the connections a client closed from those it closed itself,
 * so a test can prove that a provider hung up. Close it in teardown.
 *
 * @example
 * const server = await startScriptedServer({
 *   routes: {
 *     'POST /v1/chat': { sse: [{ data: { delta: 'Hel' } }, { delayMs: 20 }, { data: { delta: 'lo' } }, { data: '[DONE]' }] },
 *     'GET /health': { json: { ok: true } },
 *   },
 * });
 * // point the client at server.url, then inspect server.requests
 * await server.close();
 */
export async function startScriptedServer(options: ScriptedServerOptions): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const tracker = new ResponseTracker();
  const routeUses = new Map<string, number>();

  const serve = async (incoming: IncomingMessage, response: ServerResponse, tracked: TrackedResponse) => {
    const request = await readScriptedRequest(incoming);
    if (tracked.signal.aborted) return;
    requests.push(request);
    const key = findRouteKey(options.routes, request);
    if (key === undefined) {
      const known = Object.keys(options.routes).join(', ') || 'none';
      await writeScriptedReply(response, { status: 404, json: { error: `No scripted route for ${request.method} ${request.path}; routes: ${known}.` } }, tracked);
      return;
    }
    const index = routeUses.get(key) ?? 0;
    routeUses.set(key, index + 1);
    const route = options.routes[key]!;
    let reply: ScriptedReply;
    try {
      reply = typeof route === 'function' ? await route(request, index) : route;
    } catch (error) {
      reply = { status: 500, json: { error: `The scripted route "${key}" threw: ${String(error)}` } };
    }
    if (!tracked.signal.aborted) await writeScriptedReply(response, reply, tracked);
  };

  const server = await listenOnLoopback(
    (incoming, response) => {
      const tracked = tracker.track(response);
      return serve(incoming, response, tracked).catch((error: unknown) => failReply(response, tracked, error));
    },
    { onClose: () => tracker.stopAll() },
  );

  return {
    url: server.url,
    requests,
    get repliesInProgress() {
      return tracker.open;
    },
    get repliesClosedByClient() {
      return tracker.closedByClient;
    },
    nextClientClose: () => tracker.nextClientClose(),
    close: () => server.close(),
  };
}

function failReply(response: ServerResponse, tracked: TrackedResponse, error: unknown): void {
  if (response.destroyed) return;
  tracked.markDroppedByServer();
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({ error: `The scripted reply could not be written: ${String(error)}` });
  response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(body);
}

function findRouteKey(routes: ScriptedServerOptions['routes'], request: ScriptedRequest): string | undefined {
  const exact = `${request.method} ${request.path}`;
  if (Object.hasOwn(routes, exact)) return exact;
  return Object.hasOwn(routes, request.path) ? request.path : undefined;
}
