import { Agent, fetch } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ScriptedServer, ScriptedServerOptions } from './scripted-server-options.js';
import { startScriptedServer } from './start-scripted-server.js';

const agent = new Agent();
const servers: ScriptedServer[] = [];

async function start(routes: ScriptedServerOptions['routes']): Promise<ScriptedServer> {
  const server = await startScriptedServer({ routes });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => agent.destroy());

describe('startScriptedServer', () => {
  it('listens on loopback and answers a JSON reply with its status and headers', async () => {
    const server = await start({ 'POST /v1/items': { status: 201, headers: { 'X-Request-Id': 'abc' }, json: { id: 7 } } });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/v1/items`, { method: 'POST', body: '{}', dispatcher: agent });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('abc');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ id: 7 });
  });

  it('records method, path, query, headers and the parsed body of every request', async () => {
    const server = await start({ '/echo': { text: 'ok' } });
    await fetch(`${server.url}/echo?stream=true&n=2`, {
      method: 'POST',
      headers: { authorization: 'Bearer token-1', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'hi', temperature: 0.5 }),
      dispatcher: agent,
    }).then((response) => response.text());
    await fetch(`${server.url}/echo`, { method: 'PUT', body: 'plain words', dispatcher: agent }).then((response) => response.text());
    await fetch(`${server.url}/echo`, { dispatcher: agent }).then((response) => response.text());
    expect(server.requests).toHaveLength(3);
    const [json, text, empty] = server.requests;
    expect(json).toMatchObject({ method: 'POST', path: '/echo', query: { stream: 'true', n: '2' }, body: { prompt: 'hi', temperature: 0.5 } });
    expect(json!.headers.authorization).toBe('Bearer token-1');
    expect(text).toMatchObject({ method: 'PUT', text: 'plain words', body: 'plain words' });
    expect(empty).toMatchObject({ method: 'GET', text: '', body: undefined });
  });

  it('lets a route answer each request differently, numbering them from 0', async () => {
    const server = await start({
      'GET /flaky': (request, index) => (index === 0 ? { status: 503, text: 'busy' } : { json: { index, path: request.path } }),
    });
    const first = await fetch(`${server.url}/flaky`, { dispatcher: agent });
    expect([first.status, await first.text()]).toEqual([503, 'busy']);
    const second = await fetch(`${server.url}/flaky`, { dispatcher: agent });
    expect(await second.json()).toEqual({ index: 1, path: '/flaky' });
  });

  it('answers 404 naming the scripted routes when none matches', async () => {
    const server = await start({ 'GET /a': {}, 'POST /b': {} });
    const response = await fetch(`${server.url}/a`, { method: 'DELETE', dispatcher: agent });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No scripted route for DELETE /a; routes: GET /a, POST /b.' });
  });

  it('answers 500 with the reason when a route throws', async () => {
    const server = await start({
      'GET /broken': () => {
        throw new Error('script bug');
      },
    });
    const response = await fetch(`${server.url}/broken`, { dispatcher: agent });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'The scripted route "GET /broken" threw: Error: script bug' });
  });

  it('drops the connection without answering when told to', async () => {
    const server = await start({ 'GET /gone': { drop: true } });
    const failure = await fetch(`${server.url}/gone`, { dispatcher: agent }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(server.requests.map((request) => request.path)).toEqual(['/gone']);
    expect(server.repliesClosedByClient).toBe(0);
  });

  it('closes every connection, an unfinished stream included, and can be closed twice', async () => {
    const server = await start({ 'GET /stream': { sse: [{ data: 'first' }, { stall: true }] } });
    const response = await fetch(`${server.url}/stream`, { dispatcher: agent });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: first\n\n');
    expect(server.repliesInProgress).toBe(1);
    await server.close();
    await expect(reader.read()).rejects.toThrow();
    expect(server.repliesInProgress).toBe(0);
    expect(server.repliesClosedByClient).toBe(0);
    await server.close();
    await expect(fetch(`${server.url}/stream`, { dispatcher: agent })).rejects.toThrow();
  });
});
