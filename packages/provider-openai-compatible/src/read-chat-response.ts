import { ProtocolError, type StreamPart } from '@switchboard/core';
import type { EventSourceMessage } from 'eventsource-parser';
import type { Dispatcher } from 'undici';
import type { ChatStreamState } from './chat-stream-state.js';
import { FastSseDecoder } from './fast-sse/fast-sse-decoder.js';
import { readBodyText } from './read-body-text.js';
import type { SseEventDecoder } from './sse-event-decoder.js';
import { excerpt } from './upstream-error-details.js';

/** What is read of a successful response: its headers and its body. */
export interface ChatResponse {
  headers: Dispatcher.ResponseData['headers'];
  body: AsyncIterable<Uint8Array>;
}

/**
 * The parts of a successful response, in batches: those of each chunk of a
 * `text/event-stream` body, or of a whole `chat.completion` JSON body from a server that
 * ignored `stream: true`. Batching spares an async step per part on long streams. A failure
 * comes after the batch of the parts before it. Ends right after `[DONE]`; an HTML body (a
 * captive portal, a login page) is a `ProtocolError`. `createDecoder` makes the event
 * decoder (tests pass the plain reference, `BoundedSseDecoder`).
 */
export async function* readChatResponse(
  response: ChatResponse,
  state: ChatStreamState,
  maxEventBytes: number,
  createDecoder: (maxEventBytes: number) => SseEventDecoder = (bound) => new FastSseDecoder(bound),
): AsyncGenerator<StreamPart[]> {
  const contentType = String(response.headers['content-type'] ?? '').toLowerCase();
  if (/^application\/([\w.+-]+\+)?json/.test(contentType)) {
    yield* readCompletion(response, state, maxEventBytes);
    return;
  }
  if (contentType.startsWith('text/html')) {
    const { text } = await readBodyText(response.body, 4096);
    throw new ProtocolError(`expected an event stream but got an HTML page: ${excerpt(text)}`);
  }
  const decoder = createDecoder(maxEventBytes);
  for await (const chunk of response.body) {
    const { parts, failure } = acceptEvents(decoder.push(chunk), state);
    if (parts.length > 0) yield parts;
    if (failure !== undefined) throw failure.error;
    if (state.done) return;
    if (decoder.failure !== undefined) throw decoder.failure;
  }
  const { parts, failure } = acceptEvents(decoder.end(), state);
  if (parts.length > 0) yield parts;
  if (failure !== undefined) throw failure.error;
  if (!state.done) yield [state.end()];
}

/** The parts of `events` up to `[DONE]` or to the first event that fails, and that failure. */
function acceptEvents(events: readonly EventSourceMessage[], state: ChatStreamState): { parts: StreamPart[]; failure?: { error: unknown } } {
  const parts: StreamPart[] = [];
  try {
    for (const event of events) {
      const part = state.accept(event);
      if (part !== undefined) parts.push(part);
      if (state.done) break;
    }
    return { parts };
  } catch (error) {
    return { parts, failure: { error } };
  }
}

async function* readCompletion(
  response: ChatResponse,
  state: ChatStreamState,
  maxEventBytes: number,
): AsyncGenerator<StreamPart[]> {
  const { text, truncated } = await readBodyText(response.body, maxEventBytes);
  if (truncated) {
    throw new ProtocolError(`the JSON answer exceeded ${maxEventBytes} bytes; raise "maxEventBytes" if the upstream really sends answers this large`);
  }
  const part = state.accept({ data: text, event: undefined, id: undefined });
  yield part === undefined ? [state.end(true)] : [part, state.end(true)];
}
