import type { ServerResponse } from 'node:http';
import { drained } from '../loopback/drained.js';
import type { TrackedResponse } from '../loopback/response-tracker.js';
import { waitUnlessAborted } from '../loopback/wait-unless-aborted.js';
import { encodeSseComment, encodeSseEvent } from './encode-sse-event.js';
import type { ScriptedReply, ScriptedReplyHead, SseStep } from './scripted-server-options.js';

/** Writes one scripted reply; stops quietly as soon as the reply's connection is gone. */
export async function writeScriptedReply(response: ServerResponse, reply: ScriptedReply, tracked: TrackedResponse): Promise<void> {
  if ('drop' in reply && reply.drop === true) {
    tracked.markDroppedByServer();
    response.destroy();
    return;
  }
  const head = reply as ScriptedReplyHead;
  if ('json' in reply) {
    sendWhole(response, head, 'application/json; charset=utf-8', JSON.stringify(reply.json) ?? 'null');
  } else if ('text' in reply) {
    sendWhole(response, head, 'text/plain; charset=utf-8', reply.text);
  } else if ('sse' in reply) {
    response.writeHead(head.status ?? 200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...lowerCaseKeys(head.headers),
    });
    response.flushHeaders();
    await playSseSteps(response, reply.sse, tracked);
  } else {
    response.writeHead(head.status ?? 200, lowerCaseKeys(head.headers));
    response.end();
  }
}

async function playSseSteps(response: ServerResponse, steps: readonly SseStep[], tracked: TrackedResponse): Promise<void> {
  const { signal } = tracked;
  for (const step of steps) {
    if (signal.aborted || response.destroyed) return;
    if ('delayMs' in step) {
      await waitUnlessAborted(step.delayMs, signal);
    } else if ('stall' in step) {
      await waitUnlessAborted(Infinity, signal);
      return;
    } else if ('drop' in step) {
      tracked.markDroppedByServer();
      response.destroy();
      return;
    } else if ('raw' in step) {
      await write(response, step.raw);
    } else if ('comment' in step) {
      await write(response, encodeSseComment(step.comment));
    } else {
      await write(response, encodeSseEvent(step.data, step));
    }
  }
  if (!signal.aborted && !response.destroyed) response.end();
}

function sendWhole(response: ServerResponse, head: ScriptedReplyHead, contentType: string, body: string): void {
  response.writeHead(head.status ?? 200, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...lowerCaseKeys(head.headers),
  });
  response.end(body);
}

/** Writes a chunk, and waits for the socket to take it when its buffer is full. */
function write(response: ServerResponse, chunk: string | Uint8Array): Promise<void> {
  if (response.destroyed || response.write(chunk)) return Promise.resolve();
  return drained(response);
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
