import { clearSpaceConfigCache, connectSpace, type GradioEvent, type SubmitRequest } from '@switchboard/gradio';
import type { EmulatedGradioVersion } from '@switchboard/gradio-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { qwenSpaceSystemPrompt as system } from './qwen-space-components.js';
import { QwenSpaceEmulatorPool, type QwenSpaceEmulatorOptions } from './start-qwen-space-emulator.js';

const emulators = new QwenSpaceEmulatorPool();
afterEach(() => emulators.closeAll());

/** Submits one request to an emulated Space and returns every event, each copied as it arrived. */
async function submit(options: QwenSpaceEmulatorOptions, request: SubmitRequest): Promise<GradioEvent[]> {
  const emulator = await emulators.start(options);
  const space = await connectSpace(emulator.url);
  try {
    const events: GradioEvent[] = [];
    for await (const event of space.submit(request)) events.push(structuredClone(event));
    return events;
  } finally {
    space.close();
    clearSpaceConfigCache(emulator.url);
  }
}

const chat = (query: string, history: [string, string][] = []): SubmitRequest => ({ fnIndex: 0, triggerId: 11, data: [query, history, system] });
const finalValues = (events: GradioEvent[]) => (events.at(-1)?.type === 'completed' ? events.at(-1) : undefined);
const outputValues = (events: GradioEvent[]) => events.flatMap((event) => (event.type === 'output' ? [event.values] : []));

describe('the Qwen2-72B-Instruct Space app', () => {
  it.each<EmulatedGradioVersion>(['4.36', '5'])('describes the Space in /config and /info on Gradio %s', async (version) => {
    const emulator = await emulators.start({ version });
    const config = (await (await fetch(`${emulator.url}/config`)).json()) as Record<string, any>;
    expect(config).toMatchObject({ space_id: 'Qwen/Qwen2-72B-Instruct', is_space: true, title: 'Gradio' });
    const [submitChat, clickChat, clear, setSystem] = config.dependencies;
    expect(submitChat).toMatchObject({ id: 0, targets: [[11, 'submit']], inputs: [11, 10, 8], outputs: [11, 10, 4], api_name: 'model_chat' });
    expect(clickChat).toMatchObject({ id: 1, targets: [[14, 'click']], inputs: [11, 10, 8], api_name: 'model_chat_1' });
    expect(clear).toMatchObject({ targets: [[13, 'click']], inputs: [], outputs: [11, 10], api_name: 'clear_session' });
    expect(setSystem).toMatchObject({ targets: [[7, 'click']], inputs: [4], outputs: [8, 4, 10], api_name: 'modify_system_session' });
    const components = new Map(config.components.map((component: { id: number }) => [component.id, component]));
    expect(components.get(10)).toMatchObject({ type: 'chatbot', props: { label: 'qwen2-72b-instruct', ...(version === '5' ? { type: 'tuples' } : {}) } });
    expect(components.get(8)).toMatchObject({ type: 'textbox', props: { label: 'Textbox', value: system, visible: false } });
    expect(config.layout.children[1].children[0]).toEqual({ id: 3, children: [{ id: 5, children: [{ id: 4 }] }] });
    const prefix = version === '5' ? '/gradio_api' : '';
    const info = (await (await fetch(`${emulator.url}${prefix}/info`)).json()) as Record<string, any>;
    const parameters = info.named_endpoints['/model_chat'].parameters;
    expect(parameters.map((parameter: Record<string, string>) => [parameter.parameter_name, parameter.label, parameter.component])).toEqual([
      ['query', 'Input', 'Textbox'],
      ['history', 'qwen2-72b-instruct', 'Chatbot'],
      ['system', 'Textbox', 'Textbox'],
    ]);
  });

  it('streams the answer into a new pair after the history and echoes the system prompt', async () => {
    const seen: unknown[] = [];
    const answer = (query: string, history: unknown[], systemPrompt: string) => {
      seen.push({ query, history, systemPrompt });
      return `Turn ${history.length + 1}: ${query}`;
    };
    const history: [string, string][] = [['Hi', 'Hello!']];
    const events = await submit({ answer, tokenSize: 3 }, chat('And you?', history));
    expect(seen).toEqual([{ query: 'And you?', history, systemPrompt: system }]);
    expect(finalValues(events)).toMatchObject({ values: ['', [...history, ['And you?', 'Turn 2: And you?']], system] });
    const answers = outputValues(events).map((values) => (values[1] as string[][])[1]![1]);
    expect(answers).toEqual(['Tur', 'Turn 2', 'Turn 2: A', 'Turn 2: And ', 'Turn 2: And you', 'Turn 2: And you?']);
  });

  it('shows the answer tidied as the Chatbot does, and as sent when tidying is off', async () => {
    const markdown = '1. **A**\n   detail\nNext';
    const tidied = outputValues(await submit({ answer: markdown, tokenSize: 3 }, chat('List')));
    expect(tidied.map((values) => (values[1] as string[][])[0]![1])).toContain('1. **A**\ndetail');
    const raw = outputValues(await submit({ answer: markdown, tokenSize: 3, tidyWhitespace: false }, chat('List')));
    expect(raw.map((values) => (values[1] as string[][])[0]![1])).not.toContain('1. **A**\ndetail');
    expect(raw.at(-1)).toEqual(['', [['List', markdown]], system]);
  });

  it('returns a rewritten history when asked: an extra pair in front, or the last turns only', async () => {
    const history: [string, string][] = [['one', '1'], ['two', '2'], ['three', '3']];
    const prepended = await submit({ answer: 'four', rewriteHistory: (sent) => [['hello', 'welcome'], ...sent] }, chat('four?', history));
    expect(finalValues(prepended)).toMatchObject({ values: ['', [['hello', 'welcome'], ...history, ['four?', 'four']], system] });
    const trimmed = await submit({ answer: 'four', rewriteHistory: (sent) => sent.slice(-1) }, chat('four?', history));
    expect(finalValues(trimmed)).toMatchObject({ values: ['', [['three', '3'], ['four?', 'four']], system] });
  });

  it('clears the session and sets the system prompt with its plain functions', async () => {
    const cleared = await submit({}, { fnIndex: 2, data: [] });
    expect(finalValues(cleared)).toMatchObject({ values: ['', []] });
    const setSystem = await submit({}, { fnIndex: 3, data: ['Be brief.'] });
    expect(finalValues(setSystem)).toMatchObject({ values: ['Be brief.', 'Be brief.', []] });
    expect(outputValues(setSystem)).toEqual([]);
  });
});
