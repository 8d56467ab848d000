import { describe, expect, it } from 'vitest';
import { AppendTemplate } from './append-template.js';
import { pythonJsonDumps } from './wire/index.js';
import { seededRandom } from '../test/seeded-random.js';

const eventId = '21bade026a6a4768b2ed66ffdcc99396';

function generating(edits: unknown[][], duration: number | string = 0.065, isGenerating = true): string {
  const timings = `"duration":${duration},"average_duration":0.0712`;
  const output = `{"data":${JSON.stringify(edits)},"is_generating":${isGenerating},${timings},"render_config":null,"changed_state_ids":[]}`;
  return `{"msg":"process_generating","event_id":"${eventId}","output":${output},"success":true}`;
}

const append = (text: string, duration: number | string = 0.065) => generating([[], [['append', [0, 1], text]], []], duration);

function learn(text: string): AppendTemplate | null {
  const message = JSON.parse(text) as { output: { data: unknown[]; is_generating: boolean } };
  return AppendTemplate.learn(text, message.output.data, message.output.is_generating);
}

describe('AppendTemplate', () => {
  it('reads the appended text of messages that differ from the learned one only in text and timings', () => {
    const template = learn(append('!'))!;
    expect(template.isGenerating).toBe(true);
    expect(template.match(append(' How'))).toBe(' How');
    expect(template.match(append('', '3.0994415283203125e-06'))).toBe('');
    expect(template.match(append('line\n"quoted" \\ é😀', 12))).toBe('line\n"quoted" \\ é😀');
    expect(template.match(append('a longer piece of text than twelve characters'))).toBe('a longer piece of text than twelve characters');
    expect(template.diffsFor('x')).toEqual([[], [['append', [0, 1], 'x']], []]);
    expect(template.diffsFor('x')[1]).not.toBe(template.diffsFor('x')[1]);
  });

  it('leaves every other message to the full parse', () => {
    const template = learn(append('!'))!;
    expect(template.match(append('!').replace(eventId, 'f'.repeat(32)))).toBeUndefined();
    expect(template.match(generating([[], [['append', [1, 1], 'x']], []]))).toBeUndefined();
    expect(template.match(generating([[], [['replace', [0, 1], 'x']], []]))).toBeUndefined();
    expect(template.match(generating([[], [['append', [0, 1], 'x']], []], 0.1, false))).toBeUndefined();
    expect(template.match(`${append('x')} `)).toBeUndefined();
    expect(template.match(append('x').slice(0, -1))).toBeUndefined();
    expect(template.match(append('x', '1.'))).toBeUndefined();
    expect(template.match(append('x').replace('"x"', '"x\u0001"'))).toBeUndefined();
    expect(template.match('{"msg":"heartbeat"}')).toBeUndefined();
  });

  it('learns only from messages with a single append of text', () => {
    expect(learn(generating([[], [], []]))).toBeNull();
    expect(learn(generating([[], [['append', [0, 1], 'a'], ['append', [0, 1], 'b']], []]))).toBeNull();
    expect(learn(generating([['append', [], 'a'], [['append', [0, 1], 'b']], []]))).toBeNull();
    expect(learn(generating([[], [['replace', [0, 1], 'a']], []]))).toBeNull();
    expect(learn(append('a').replace('"success":true', '"success":true,"success":true'))).toBeNull();
    expect(learn(generating([[['append', [], 'a']]]))?.match(generating([[['append', [], 'bc']]]))).toBe('bc');
  });

  it('works on the json.dumps form of older servers', () => {
    const message = (text: string, duration: number) =>
      pythonJsonDumps({
        msg: 'process_generating',
        event_id: eventId,
        output: { data: [[], [['append', [2, 1], text]], []], is_generating: true, duration },
      });
    const template = learn(message('a', 0.5))!;
    expect(template.match(message('é😀 b', 1e-7))).toBe('é😀 b');
    expect(template.diffsFor('z')).toEqual([[], [['append', [2, 1], 'z']], []]);
  });

  it('accepts a mutated message only when JSON.parse reads it as the same shape with that text', () => {
    const original = append('some text', 0.0651);
    const template = learn(original)!;
    const random = seededRandom(5);
    const alphabet = ['"', '\\', ',', ':', '[', ']', '{', '}', ' ', '0', '1', 'e', '-', '.', 'a', 'n', 'u', '\n', 'é'];
    let matched = 0;
    for (let round = 0; round < 20000; round++) {
      let text = original;
      for (let edit = 0; edit < 1 + Math.floor(random() * 3); edit++) {
        const at = Math.floor(random() * (text.length + 1));
        const character = alphabet[Math.floor(random() * alphabet.length)]!;
        const kind = random();
        if (kind < 0.4) text = text.slice(0, at) + character + text.slice(at + 1);
        else if (kind < 0.8) text = text.slice(0, at) + character + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1);
      }
      const appended = template.match(text);
      if (appended === undefined) continue;
      matched++;
      const message = JSON.parse(text) as { msg: string; event_id: string; output: { data: unknown; is_generating: boolean } };
      expect(message.msg).toBe('process_generating');
      expect(message.event_id).toBe(eventId);
      expect(message.output.is_generating).toBe(true);
      expect(message.output.data, text).toEqual(template.diffsFor(appended));
    }
    expect(matched).toBeGreaterThan(300);
  });

  it('matches every message that differs only in a valid text and valid timings', () => {
    const template = learn(append('seed'))!;
    const random = seededRandom(6);
    const pieces = ['a', ' ', '"', '\\', '\n', '\t', '\u0000', 'é', '😀', '\ud800', '/', 'x'.repeat(20)];
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
      const duration = (random() * 10 ** Math.floor(random() * 10 - 7)).toString();
      expect(template.match(append(text, duration)), JSON.stringify(text)).toBe(text);
    }
  });
});
