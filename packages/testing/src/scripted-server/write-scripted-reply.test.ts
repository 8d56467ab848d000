import { Agent, fetch } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ScriptedServer, SseStep } from './scripted-server-options.js';
import { startScriptedServer } from './start-scripted-server.js';

const agent = new Agent();
const servers: ScriptedServer[] = [];

async function serveSse(steps: readonly SseStep[], headers?: Record<string, string>): Promise<ScriptedServer> {
  const server = await startScriptedServer({ routes: { 'GET /events': { sse: steps, headers } } });
  servers.push(server);
  return server;
}

function openEvents(server: ScriptedServer, signal?: AbortSignal) {
  return fetch(`${server.url}/events`, { dispatcher: agent, signal });
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value } = await reader.read();
  return new TextDecoder().decode(value);
}

function isPending(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([promise.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 50))]);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => agent.destroy());

describe('scripted event-stream replies', () => {
  it('frames events, comments and raw bytes exactly, then ends the body', async () => {
    const server = await serveSse(
      [
        { comment: 'keep-alive' },
        { data: { delta: 'naïve 🦊' } },
        { data: 'line one\nline two', event: 'note', id: '7' },
        { raw: new TextEncoder().encode('data: {"cut":') },
        { raw: '\n\n' },
        { data: '[DONE]' },
      ],
      { 'X-Trace': 'on' },
    );
    const response = await openEvents(server);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-trace')).toBe('on');
    expect(await response.text()).toBe(
      ': keep-alive\n\n' +
        'data: {"delta":"naïve 🦊"}\n\n' +
        'event: note\nid: 7\ndata: line one\ndata: line two\n\n' +
        'data: {"cut":\n\n' +
        'data: [DONE]\n\n',
    );
    expect(server.repliesInProgress).toBe(0);
    expect(server.repliesClosedByClient).toBe(0);
  });

  it('waits between steps as scripted', async () => {
    const server = await serveSse([{ data: 'a' }, { delayMs: 150 }, { data: 'b' }]);
    const reader = (await openEvents(server)).body!.getReader();
    expect(await readChunk(reader)).toBe('data: a\n\n');
    const before = performance.now();
    expect(await readChunk(reader)).toBe('data: b\n\n');
    expect(performance.now() - before).toBeGreaterThanOrEqual(120);
  });

  it('drops the connection mid-body without counting it as the client closing', async () => {
    const server = await serveSse([{ data: 'partial' }, { delayMs: 50 }, { drop: true }, { data: 'never sent' }]);
    const clientClose = server.nextClientClose();
    const reader = (await openEvents(server)).body!.getReader();
    expect(await readChunk(reader)).toBe('data: partial\n\n');
    await expect(reader.read()).rejects.toThrow();
    expect(server.repliesClosedByClient).toBe(0);
    expect(await isPending(clientClose)).toBe(true);
  });

  it('keeps a stalled stream open until the client hangs up, and sees it hang up', async () => {
    const server = await serveSse([{ data: 'first' }, { stall: true }, { data: 'never sent' }]);
    const clientClose = server.nextClientClose();
    const controller = new AbortController();
    const reader = (await openEvents(server, controller.signal)).body!.getReader();
    expect(await readChunk(reader)).toBe('data: first\n\n');
    expect(server.repliesInProgress).toBe(1);
    expect(await isPending(clientClose)).toBe(true);
    controller.abort();
    await clientClose;
    expect(server.repliesClosedByClient).toBe(1);
    expect(server.repliesInProgress).toBe(0);
  });

  it('stops a script waiting on a long delay when the client hangs up', async () => {
    const server = await serveSse([{ data: 'first' }, { delayMs: 600_000 }, { data: 'late' }]);
    const clientClose = server.nextClientClose();
    const controller = new AbortController();
    const reader = (await openEvents(server, controller.signal)).body!.getReader();
    expect(await readChunk(reader)).toBe('data: first\n\n');
    controller.abort();
    await clientClose;
    expect(server.repliesInProgress).toBe(0);
    const closing = server.close();
    expect(await isPending(closing)).toBe(false);
  });

  it('does not count a reply that finished as closed by the client', async () => {
    const server = await serveSse([{ data: 'only' }]);
    expect(await (await openEvents(server)).text()).toBe('data: only\n\n');
    await server.close();
    expect(server.repliesClosedByClient).toBe(0);
  });
});
