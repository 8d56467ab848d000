import { formatPrompt, getSystemPrompt, messageText, type ChatMessage, type ChatRole } from '@switchboard/core';
import { defaultSystemPrompt } from './space-constants.js';

/** A `[user, assistant]` turn as the Space's Chatbot holds it. */
export type ChatPair = [user: string, assistant: string];

/** The Space's chat inputs: `[query, history, system]`. */
export interface SpaceInputs {
  query: string;
  history: ChatPair[];
  system: string;
}

/**
 * Maps a conversation to the Space's inputs: system messages joined into `system`, the
 * last user turn as `query`, earlier turns as `[user, assistant]` pairs (consecutive
 * messages of one role merged). A conversation that cannot be paired is folded into the
 * query with `formatPrompt`, so nothing is dropped.
 */
export function toSpaceInputs(messages: readonly ChatMessage[]): SpaceInputs {
  const system = getSystemPrompt(messages) || defaultSystemPrompt;
  const turns = mergeConsecutiveRoles(messages.filter((message) => message.role !== 'system'));
  const last = turns.at(-1);
  if (last?.role !== 'user') return { query: formatPrompt(turns), history: [], system };
  const earlier = turns.slice(0, -1);
  const history: ChatPair[] = [];
  for (let index = 0; index < earlier.length; index += 2) {
    const user = earlier[index]!;
    const assistant = earlier[index + 1];
    if (user.role !== 'user' || assistant?.role !== 'assistant') {
      return { query: formatPrompt(turns), history: [], system };
    }
    history.push([user.content, assistant.content]);
  }
  return { query: last.content, history, system };
}

interface TextMessage {
  role: ChatRole;
  content: string;
}

function mergeConsecutiveRoles(messages: readonly ChatMessage[]): TextMessage[] {
  const merged: TextMessage[] = [];
  for (const message of messages) {
    const previous = merged.at(-1);
    const content = messageText(message);
    if (previous?.role === message.role) previous.content = [previous.content, content].filter(Boolean).join('\n\n');
    else merged.push({ role: message.role, content });
  }
  return merged;
}
