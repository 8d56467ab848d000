import { describe, expect, it } from 'vitest';
import { emulatorsPerTest } from '../test/emulator-per-test.js';
import { joinQueue, messageTypes, postJson, readStream } from '../test/sse-test-client.js';

const emulators = emulatorsPerTest();

/** Replaces measured timings and the event id so the bytes can be compared. */
function normalise(text: string, eventId: string): string {
  return text
    .replaceAll(eventId, 'EVENT')
    .replace(/"duration":\s?[0-9.e+-]+/g, '"duration":D')
    .replace(/"average_duration":\s?[0-9.e+-]+/g, '"average_duration":A');
}

describe('Gradio 4.36 wire format', () => {
  it('matches the byte layout of the protocol example', async () => {
    const tokens = ['Hello', '!', ' How', ' can I', ' help you', ' today', '?'];
    await emulators.start({ tokens: () => tokens, queue: { etaSeconds: 12.53361940383911 } });
    const eventId = await joinQueue(emulators.current.url, 'wire436');
    expect(eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(eventId[12]).toBe('4');
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=wire436`);
    expect(reading.status).toBe(200);
    expect(reading.contentType).toBe('text/event-stream; charset=utf-8');
    const output = (data: string, generating: boolean) =>
      `"output":{"data":${data},"is_generating":${generating},"duration":D,"average_duration":A,"render_config":null,"changed_state_ids":[]},"success":true`;
    const append = (text: string) => `data: {"msg":"process_generating","event_id":"EVENT",${output(`[[],[["append",[0,1],"${text}"]]]`, true)}}`;
    const expected = [
      'data: {"msg":"estimation","event_id":"EVENT","rank":0,"queue_size":1,"rank_eta":12.53361940383911}',
      'data: {"msg":"process_starts","event_id":"EVENT","eta":12.53361940383911}',
      `data: {"msg":"process_generating","event_id":"EVENT",${output('["",[["Hi","Hello"]]]', true)}}`,
      ...tokens.slice(1).map(append),
      `data: {"msg":"process_completed","event_id":"EVENT",${output('["",[["Hi","Hello! How can I help you today?"]]]', false)}}`,
      'data: {"msg":"close_stream"}',
    ];
    expect(normalise(reading.text, eventId)).toBe(expected.map((line) => `${line}\n\n`).join(''));
    expect(reading.text).toMatch(/"duration":\d+\.\d+/);
  });

  it('sends raw UTF-8 and appends at [len(history), 1]', async () => {
    await emulators.start({ answer: 'Grüße 😀 ok', tokenSize: 6 });
    await joinQueue(emulators.current.url, 'utf8', ['Hé', [['a', 'b'], ['c', 'd']]]);
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=utf8`);
    expect(reading.text).toContain('[["a","b"],["c","d"],["Hé","Grüße "]]');
    const edits = reading.frames.slice(3, -2).map((frame) => (frame.message?.output as { data: unknown[] }).data);
    expect(edits).toEqual([[[], [['append', [2, 1], '😀 ok']]]]);
  });

  it('sends an empty diff for a chunk ending in blank lines and glues them to the next append', async () => {
    await emulators.start({ tokens: () => ['Para', '\n\n', 'Next'] });
    await joinQueue(emulators.current.url, 'blank');
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=blank`);
    const data = reading.frames
      .filter((frame) => frame.message?.msg === 'process_generating')
      .map((frame) => (frame.message?.output as { data: unknown }).data);
    expect(data.slice(1)).toEqual([
      [[], []],
      [[], [['append', [0, 1], '\n\nNext']]],
    ]);
  });

  it('rewrites with replace when indentation stops being common, and not when tidying is off', async () => {
    const markdown = '1. **A**\n   detail\nNext';
    await emulators.start({ answer: markdown, tokenSize: 4 });
    await joinQueue(emulators.current.url, 'tidy');
    const tidy = await readStream(`${emulators.current.url}/queue/data?session_hash=tidy`);
    expect(tidy.text).toContain(`["replace",[0,1],${JSON.stringify(markdown.slice(0, 20))}]`);
    await emulators.current.close();
    await emulators.start({ answer: markdown, tokenSize: 4, tidyWhitespace: false });
    await joinQueue(emulators.current.url, 'raw');
    const raw = await readStream(`${emulators.current.url}/queue/data?session_hash=raw`);
    expect(raw.text).not.toContain('"replace"');
  });

  it('tidies the answer exactly once (cleandoc is not idempotent)', async () => {
    await emulators.start({ tokens: () => ['   \n  x', '\n y'] });
    await joinQueue(emulators.current.url, 'once');
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=once`);
    const completed = reading.frames.find((frame) => frame.message?.msg === 'process_completed');
    expect((completed?.message?.output as { data: [string, string[][]] }).data[1][0][1]).toBe(' x\ny');
  });

  it('sends full values in every message for simple_format joins', async () => {
    await emulators.start({ answer: 'abcdefgh', tokenSize: 4 });
    await joinQueue(emulators.current.url, 'simple', undefined, { simple_format: true });
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=simple`);
    const generating = reading.frames.filter((frame) => frame.message?.msg === 'process_generating');
    expect(generating.map((frame) => (frame.message?.output as { data: unknown }).data)).toEqual([
      ['', [['Hi', 'abcd']]],
      ['', [['Hi', 'abcdefgh']]],
    ]);
  });
});

describe('older and newer generations', () => {
  it('4.16 uses json.dumps separators and \\u escapes, full values, and just ends the body', async () => {
    await emulators.start({ version: '4.16', answer: 'é😀', tokenSize: 1 });
    await joinQueue(emulators.current.url, 'v1', ['ü', []]);
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=v1`);
    expect(messageTypes(reading.frames)).toEqual(['estimation', 'process_starts', 'process_generating', 'process_generating', 'process_completed']);
    expect(reading.frames[0].payload).toMatch(/^\{"msg": "estimation", "event_id": "[0-9a-f]{32}", "rank": 0, "queue_size": 1, "rank_eta": null\}$/);
    expect(reading.frames[3].payload).toContain('"data": ["", [["\\u00fc", "\\u00e9\\ud83d\\ude00"]]], "is_generating": true, "duration": ');
    expect(reading.frames[3].payload).not.toContain('render_config');
    const lastOutput = (frame: (typeof reading.frames)[number]) => JSON.stringify(frame.message?.output);
    expect(lastOutput(reading.frames[4])).toBe(lastOutput(reading.frames[3]));
    expect(reading.text.endsWith('"success": true}\n\n')).toBe(true);
  });

  it('4.20 sends diffs in json.dumps style and no close_stream', async () => {
    await emulators.start({ version: '4.20', answer: 'abcdef', tokenSize: 3 });
    await joinQueue(emulators.current.url, 'v2');
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=v2`);
    expect(reading.text).toContain('"output": {"data": [[], [["append", [0, 1], "def"]]], "is_generating": true');
    expect(messageTypes(reading.frames).at(-1)).toBe('process_completed');
    expect(reading.frames.at(-1)?.message?.output).toMatchObject({ is_generating: false });
  });

  it('5 serves the API under /gradio_api with null stream event ids, time_limit and title', async () => {
    // The queue wait starts at the join; it must outlast the data stream's opening on a busy machine so a heartbeat is sent.
    await emulators.start({ version: '5', answer: 'ok', heartbeatIntervalMs: 20, queue: { waitMs: 1_000 } });
    const config = (await (await fetch(`${emulators.current.url}/config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ version: '5.9.1', protocol: 'sse_v3', api_prefix: '/gradio_api' });
    expect((await fetch(`${emulators.current.url}/info`)).status).toBe(404);
    expect((await postJson(`${emulators.current.url}/queue/join`, {})).status).toBe(404);
    await joinQueue(`${emulators.current.url}/gradio_api`, 'five');
    const reading = await readStream(`${emulators.current.url}/gradio_api/queue/data?session_hash=five`);
    const payloads = reading.frames.map((frame) => frame.payload);
    expect(payloads).toContain('{"msg":"heartbeat","event_id":null}');
    expect(payloads.at(-1)).toBe('{"msg":"close_stream","event_id":null}');
    expect(payloads.find((payload) => payload.includes('process_generating'))).toMatch(/"success":true,"time_limit":null\}$/);
    expect(payloads.at(-2)).toMatch(/"success":true,"title":null\}$/);
  });
});

describe('config, info and join validation', () => {
  it('describes the given app in /config and /info', async () => {
    await emulators.start({});
    const config = (await (await fetch(`${emulators.current.url}/config`)).json()) as Record<string, any>;
    expect(config).toMatchObject({
      version: '4.36.1',
      protocol: 'sse_v3',
      mode: 'blocks',
      enable_queue: true,
      is_space: false,
      space_id: null,
      root: emulators.current.url,
    });
    expect(config).not.toHaveProperty('api_prefix');
    const [submit, click, clear] = config.dependencies;
    expect(submit).toMatchObject({ id: 0, targets: [[1, 'submit']], inputs: [1, 2], outputs: [1, 2], api_name: 'chat', types: { generator: true } });
    expect(click).toMatchObject({ id: 1, targets: [[3, 'click']], inputs: [1, 2], outputs: [1, 2] });
    expect(clear).toMatchObject({ id: 2, inputs: [], api_name: 'clear', types: { generator: false } });
    const types = Object.fromEntries(config.components.map((component: { id: number; type: string }) => [component.id, component.type]));
    expect(types).toEqual({ 1: 'textbox', 2: 'chatbot', 3: 'button', 4: 'button' });
    const info = (await (await fetch(`${emulators.current.url}/info`)).json()) as Record<string, any>;
    expect(Object.keys(info.named_endpoints)).toEqual(['/chat', '/chat_1', '/clear', '/shout']);
    const parameters = info.named_endpoints['/chat'].parameters.map(({ parameter_name, component }: Record<string, string>) => [parameter_name, component]);
    expect(parameters).toEqual([['message', 'Textbox'], ['history', 'Chatbot']]);
  });

  it('answers bad joins like the server', async () => {
    await emulators.start({});
    const join = (body: unknown) => postJson(`${emulators.current.url}/queue/join`, body);
    expect(await join({ data: [], fn_index: 0 })).toMatchObject({ status: 400, text: '{"detail":"Session hash not found."}' });
    expect(await join({ data: [], session_hash: 'x' })).toMatchObject({ status: 400, text: '{"detail":"No function index provided."}' });
    const missingData = await join({ fn_index: 0, session_hash: 'x' });
    expect(missingData.status).toBe(422);
    expect(JSON.parse(missingData.text).detail[0]).toMatchObject({ type: 'missing', loc: ['body', 'data'] });
    expect((await join('{not json')).status).toBe(422);
    const unknownFunction = await join({ data: [], fn_index: 99, session_hash: 'x' });
    expect(unknownFunction).toMatchObject({ status: 500, text: 'Internal Server Error' });
    expect(unknownFunction.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('reports a hidden error when the number of inputs is wrong', async () => {
    await emulators.start({});
    await joinQueue(emulators.current.url, 'arity', ['only one']);
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=arity`);
    expect(reading.frames.map((frame) => frame.payload).slice(-2)).toEqual([
      expect.stringMatching(/^\{"msg":"process_completed","event_id":"[0-9a-f]{32}","output":\{"error":null\},"success":false\}$/),
      '{"msg":"close_stream"}',
    ]);
  });

  it('reports a hidden error when the answer function throws', async () => {
    await emulators.start({ answer: () => { throw new Error('model down'); } });
    await joinQueue(emulators.current.url, 'throws');
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=throws`);
    expect(messageTypes(reading.frames)).toEqual(['estimation', 'process_starts', 'process_completed', 'close_stream']);
    expect(reading.frames[2].message).toMatchObject({ output: { error: null }, success: false });
  });

  it('runs the plain functions of the app', async () => {
    await emulators.start({});
    await joinQueue(emulators.current.url, 'plain', ['quiet'], { fn_index: 3 });
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=plain`);
    expect(messageTypes(reading.frames)).toEqual(['estimation', 'process_starts', 'process_completed', 'close_stream']);
    expect(reading.frames[2].message?.output).toMatchObject({ data: ['QUIET', []], is_generating: false });
  });
});
