import { UnsupportedFunctionalityError, type LanguageModelV4Message, type LanguageModelV4Prompt } from '@ai-sdk/provider';
import type { ChatMessage, TextContentPart } from '@switchboard/core';

type ContentPart = Exclude<LanguageModelV4Message['content'], string>[number];

const partNames: Record<string, string> = {
  file: 'file parts (images, documents)',
  reasoning: 'reasoning parts',
  'reasoning-file': 'reasoning file parts',
  'tool-call': 'tool calls',
  'tool-result': 'tool results',
  'tool-approval-response': 'tool approval responses',
  custom: 'custom parts',
};

/**
 * The AI SDK prompt as Switchboard messages: system, user and assistant messages with text
 * only. Any other part (files, images, reasoning, tool calls and results) and `tool`
 * messages throw `UnsupportedFunctionalityError` naming what was found and where, since
 * Switchboard providers take text conversations.
 */
export function toChatMessages(prompt: LanguageModelV4Prompt): ChatMessage[] {
  return prompt.map((message, index) => {
    if (message.role === 'system') return { role: 'system', content: message.content };
    if (message.role === 'tool') throw unsupported('tool messages', index, message.role);
    return { role: message.role, content: textContent(message.content, index, message.role) };
  });
}

function textContent(parts: readonly ContentPart[], index: number, role: string): string | TextContentPart[] {
  const texts = parts.map((part) => {
    if (part.type !== 'text') throw unsupported(partNames[part.type] ?? `"${part.type}" parts`, index, role, part);
    return part.text;
  });
  return texts.length === 1 ? texts[0]! : texts.map((text) => ({ type: 'text', text }));
}

function unsupported(what: string, index: number, role: string, part?: ContentPart): UnsupportedFunctionalityError {
  const mediaType = part?.type === 'file' ? ` (${part.mediaType})` : '';
  return new UnsupportedFunctionalityError({
    functionality: what,
    message:
      `Switchboard models take text conversations only: ${what}${mediaType} in prompt message ${index} (${role}) ` +
      'cannot be sent. Pass text, or describe the content in words.',
  });
}
