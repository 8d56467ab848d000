import type { ChatMessage, RoutingEventListener, StreamPart } from '@switchboard/core';

/** Streams the answer to a conversation, e.g. from `registry.stream()` with a fixed model. */
export type AnswerSource = (
  messages: ChatMessage[],
  options: { signal: AbortSignal; onEvent: RoutingEventListener },
) => AsyncIterable<StreamPart>;
