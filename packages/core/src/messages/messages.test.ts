import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../spec/chat-message.js';
import { formatPrompt } from './format-prompt.js';
import { getLastUserMessage } from './get-last-user-message.js';
import { getSystemPrompt } from './get-system-prompt.js';

const conversation: ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello!' },
  { role: 'system', content: 'Answer in French.' },
  { role: 'user', content: 'How are you?' },
];

describe('formatPrompt', () => {
  it('returns the content of a single message as it is', () => {
    expect(formatPrompt([{ role: 'user', content: 'Just this' }])).toBe('Just this');
    expect(formatPrompt([{ role: 'system', content: 'Only a system text' }])).toBe('Only a system text');
  });

  it('writes Role: content lines and invites the assistant', () => {
    expect(formatPrompt(conversation)).toBe(
      'System: Be brief.\nUser: Hi\nAssistant: Hello!\nSystem: Answer in French.\nUser: How are you?\nAssistant:',
    );
  });

  it('skips empty contents', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: '' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: '' },
      { role: 'user', content: 'Still there?' },
    ];
    expect(formatPrompt(messages)).toBe('User: Hi\nUser: Still there?\nAssistant:');
  });

  it('gives an empty prompt for an empty conversation', () => {
    expect(formatPrompt([])).toBe('');
  });
});

describe('conversation helpers', () => {
  it('joins every system message into the system prompt', () => {
    expect(getSystemPrompt(conversation)).toBe('Be brief.\nAnswer in French.');
    expect(getSystemPrompt([{ role: 'user', content: 'Hi' }])).toBe('');
  });

  it('finds the last user turn', () => {
    expect(getLastUserMessage(conversation)).toBe('How are you?');
    expect(getLastUserMessage([{ role: 'system', content: 'x' }])).toBeUndefined();
  });
});
