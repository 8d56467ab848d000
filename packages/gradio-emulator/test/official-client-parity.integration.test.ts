import { describe, expect, it } from 'vitest';
import type { EmulatedGradioVersion } from '../src/index.js';
import { answerFromEdits, answerIn, answersOfOutputs, chatValues, markdownAnswer, nonAsciiAnswer, type ChatHistory } from './chat-events.js';
import { chatTestIds, type ChatTestEmulatorOptions } from './chat-test-app.js';
import { connectEmulatedSpace } from './emulated-space.js';
import { predictWithOfficialClient, submitWithOfficialClient } from './official-client.js';
import { readEvents } from './read-events.js';

const versions: EmulatedGradioVersion[] = ['4.16', '4.20', '4.21', '4.36', '5'];

interface ParityCase {
  name: string;
  emulator: ChatTestEmulatorOptions;
  fnIndex: number;
  triggerId: number;
  query: string;
  history: ChatHistory;
  expectedAnswer: string;
  /** An answer the stream must pass through on its way to the final one. */
  expectedOnTheWay?: string;
}

const cases: ParityCase[] = [
  {
    name: 'a non-ASCII answer (emoji, CJK)',
    emulator: { answer: nonAsciiAnswer, tokenSize: 3 },
    fnIndex: 0,
    triggerId: chatTestIds.message,
    query: '你好 👋',
    history: [],
    expectedAnswer: nonAsciiAnswer,
  },
  {
    name: 'an answer rewritten by the whitespace tidy-up',
    emulator: { answer: markdownAnswer, tokenSize: 3 },
    fnIndex: 0,
    triggerId: chatTestIds.message,
    query: 'List',
    history: [],
    expectedAnswer: markdownAnswer,
    expectedOnTheWay: '1. **A**\ndetail',
  },
  {
    name: 'a multi-turn history',
    emulator: { answer: (query, history) => `Turn ${history.length + 1}: ${query} ✓`, tokenSize: 2 },
    fnIndex: 1,
    triggerId: chatTestIds.send,
    query: 'And you?',
    history: [
      ['Hi', 'Hello!'],
      ['元気？', '元気です 😊'],
    ],
    expectedAnswer: 'Turn 3: And you? ✓',
  },
];

describe.each(versions)('official @gradio/client and ours against emulated Gradio %s', (version) => {
  it.each(cases)('stream $name to the same final answer', async (parity) => {
    const { emulator, space } = await connectEmulatedSpace({ version, ...parity.emulator });
    const data = [parity.query, parity.history];
    const expectedValues = chatValues(parity.query, parity.expectedAnswer, parity.history);
    const pairIndex = parity.history.length;

    const official = await submitWithOfficialClient(emulator.url, parity.fnIndex, data);
    const ours = await readEvents(space.submit({ fnIndex: parity.fnIndex, triggerId: parity.triggerId, data }));

    expect(ours.error).toBeUndefined();
    const completed = ours.events.at(-1);
    expect(completed).toEqual({ type: 'completed', values: expectedValues, cancelled: false });
    expect(official.at(-1)).toEqual(expectedValues);
    expect(answerIn(official.at(-1)!, pairIndex)).toBe(parity.expectedAnswer);
    expect(answerFromEdits(ours.events, pairIndex)).toBe(parity.expectedAnswer);

    const officialAnswers = official.map((values) => answerIn(values, pairIndex));
    const ourAnswers = answersOfOutputs(ours.events, pairIndex);
    expect(officialAnswers).toEqual([...ourAnswers, parity.expectedAnswer]);
    if (parity.expectedOnTheWay !== undefined) expect(ourAnswers).toContain(parity.expectedOnTheWay);
    for (const values of official) expect((values[1] as unknown[]).slice(0, pairIndex)).toEqual(parity.history);

    const joins = emulator.requests.filter((request) => request.path.endsWith('/queue/join'));
    expect(joins.map((request) => request.body)).toEqual([
      expect.objectContaining({ data, fn_index: parity.fnIndex }),
      expect.objectContaining({ data, fn_index: parity.fnIndex, trigger_id: parity.triggerId }),
    ]);
  });

  it('predict by api_name gives the final values our client completes with', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version, answer: nonAsciiAnswer, tokenSize: 5 });
    const predicted = await predictWithOfficialClient(emulator.url, '/chat', ['Ping 🏓', []]);
    const ours = await readEvents(space.submit({ fnIndex: 0, data: ['Ping 🏓', []] }));
    expect(predicted).toEqual(chatValues('Ping 🏓', nonAsciiAnswer));
    expect(ours.events.at(-1)).toEqual({ type: 'completed', values: predicted, cancelled: false });
  });
});
