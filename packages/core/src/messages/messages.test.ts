import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../spec/chat-message.js';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { formatPrompt } from './format-prompt.js';
import { getLastUserMessage } from './get-last-user-message.js';
import { getSystemPrompt } from './get-system-prompt.js';
import { messageText } from './message-text.js';

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

describe('messageText', () => {
  it('keeps string content and joins text parts', () => {
    expect(messageText({ content: 'plain' })).toBe('plain');
    expect(messageText({ content: [{ type: 'text', text: 'one ' }, { type: 'text', text: 'two' }] })).toBe('one two');
    expect(messageText({ content: [] })).toBe('');
  });

  it('refuses other part kinds with INVALID_REQUEST naming the part', () => {
    const attempt = () => messageText({ content: [{ type: 'text', text: 'see' }, { type: 'image_url', url: 'x' } as never] });
    expect(attempt).toThrow(InvalidRequestError);
    expect(attempt).toThrow('Content part 1 is of type "image_url"');
  });

  it('lets the conversation helpers read text parts', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Hi ' }, { type: 'text', text: 'there' }] },
    ];
    expect(getSystemPrompt(messages)).toBe('Be brief.');
    expect(getLastUserMessage(messages)).toBe('Hi there');
    expect(formatPrompt(messages)).toBe('System: Be brief.\nUser: Hi there\nAssistant:');
  });
});
