import { pick, randomInteger, type Random } from './seeded-random.js';

const contents = ['Hello', ' world', 'é', ' 東京', '🦊', '\n\n', '"quoted"', '\\', '', ' data: ', '\r\n', '\u2028'];
const terminators = ['\n\n', '\n\n', '\r\n\r\n', '\r\r'];

function chunk(choices: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices, ...extra };
}

function randomEvent(random: Random): string {
  const roll = random();
  if (roll < 0.6) return JSON.stringify(chunk([{ index: 0, delta: { content: pick(random, contents) }, finish_reason: null }]));
  if (roll < 0.65) return JSON.stringify(chunk([{ index: 0, delta: {}, finish_reason: pick(random, ['stop', 'length', '', null]) }]));
  if (roll < 0.7) return JSON.stringify(chunk([], { usage: { prompt_tokens: randomInteger(random, 50), completion_tokens: randomInteger(random, 50) } }));
  if (roll < 0.74) return JSON.stringify(chunk([{ index: 0, delta: { content: 'pretty' }, finish_reason: null }]), null, 1);
  if (roll < 0.76) return '{"choices": [ {"index": 0, "delta": {"content": "trunc';
  if (roll < 0.78) return JSON.stringify({ error: { message: 'overloaded', type: 'server_error' } });
  if (roll < 0.8) return '[DONE]';
  return JSON.stringify(chunk([{ index: 0, delta: { role: 'assistant', content: pick(random, contents) }, finish_reason: null }]));
}

/**
 * A random Chat Completions event stream: content chunks with multi-byte text and escapes,
 * finish and usage chunks, pretty-printed chunks sent as several `data` lines, malformed
 * JSON, error events, comments and `[DONE]`, with LF, CRLF or CR line endings.
 */
export function randomChatStream(random: Random): Buffer {
  const events: string[] = [];
  const count = 1 + randomInteger(random, 30);
  for (let index = 0; index < count; index++) {
    const terminator = pick(random, terminators);
    const lineEnd = terminator.slice(0, terminator.length / 2);
    if (random() < 0.1) events.push(`: keep-alive${terminator}`);
    const data = randomEvent(random);
    const prefix = random() < 0.9 ? 'data: ' : 'data:';
    const lines = data.split('\n').map((line) => `${prefix}${line}${lineEnd}`);
    const eventLine = random() < 0.03 ? `event: error${lineEnd}` : '';
    events.push(`${eventLine}${lines.join('')}${lineEnd}`);
  }
  if (random() < 0.5) events.push('data: [DONE]\n\n');
  return Buffer.from(events.join(''), 'utf8');
}
