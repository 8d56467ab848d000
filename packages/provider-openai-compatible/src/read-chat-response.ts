import { ProtocolError, type StreamPart } from '@switchboard/core';
import type { Dispatcher } from 'undici';
import { BoundedSseDecoder } from './bounded-sse-decoder.js';
import type { ChatStreamState } from './chat-stream-state.js';
import { readBodyText } from './read-body-text.js';
import { excerpt } from './upstream-error-details.js';

/**
 * The parts of a successful response: a `text/event-stream` body event by event, or a
 * whole `chat.completion` JSON body from a server that ignored `stream: true`. Ends right
 * after `[DONE]`; an HTML body (a captive portal, a login page) is a `ProtocolError`.
 */
export async function* readChatResponse(
  response: Dispatcher.ResponseData,
  state: ChatStreamState,
  maxEventBytes: number,
): AsyncGenerator<StreamPart> {
  const contentType = String(response.headers['content-type'] ?? '').toLowerCase();
  if (/^application\/([\w.+-]+\+)?json/.test(contentType)) {
    yield* readCompletion(response, state, maxEventBytes);
    return;
  }
  if (contentType.startsWith('text/html')) {
    const { text } = await readBodyText(response.body, 4096);
    throw new ProtocolError(`expected an event stream but got an HTML page: ${excerpt(text)}`);
  }
  const decoder = new BoundedSseDecoder(maxEventBytes);
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    for (const event of decoder.push(chunk)) {
      yield* state.accept(event);
      if (state.done) return;
    }
    if (decoder.failure !== undefined) throw decoder.failure;
  }
  for (const event of decoder.end()) {
    yield* state.accept(event);
    if (state.done) return;
  }
  yield state.end();
}

async function* readCompletion(response: Dispatcher.ResponseData, state: ChatStreamState, maxEventBytes: number): AsyncGenerator<StreamPart> {
  const { text, truncated } = await readBodyText(response.body, maxEventBytes);
  if (truncated) {
    throw new ProtocolError(`the JSON answer exceeded ${maxEventBytes} bytes; raise "maxEventBytes" if the upstream really sends answers this large`);
  }
  yield* state.accept({ data: text, event: undefined, id: undefined });
  yield state.end(true);
}
