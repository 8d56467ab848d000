import { afterEach, describe, expect, it } from 'vitest';
import { joinQueue, messageTypes, readStream, type StreamReading } from '../test/sse-test-client.js';
import { textboxComponent } from './component-builders.js';
import type { EmulatedGradioVersion } from './emulator-options.js';
import { EmulatorPool } from './emulator-pool.js';
import type { AppFunction, GradioApp } from './gradio-app.js';

const emulators = new EmulatorPool();
afterEach(() => emulators.closeAll());

/** An app with two textboxes (ids 1 and 2) and one function from the first to both. */
function appWith(run: AppFunction['run'], generator = true): GradioApp {
  const io = { apiName: 'run', trigger: [1, 'submit'] as [number, string], inputs: [1], outputs: [1, 2] };
  const fn = (generator ? { ...io, generator: true, run } : { ...io, run }) as AppFunction;
  return { components: [textboxComponent(1, 'In'), textboxComponent(2, 'Out')], functions: [fn] };
}

async function call(app: GradioApp, input: unknown = 'x', version: EmulatedGradioVersion = '4.36'): Promise<StreamReading> {
  const emulator = await emulators.start({ app, version });
  await joinQueue(emulator.url, 'session', [input]);
  return readStream(`${emulator.url}/queue/data?session_hash=session`);
}

const outputsOf = (reading: StreamReading) =>
  reading.frames
    .filter((frame) => frame.message?.msg === 'process_generating' || frame.message?.msg === 'process_completed')
    .map((frame) => frame.message?.output);

describe('app functions', () => {
  it('stream an async generator, sending the edits it gives and computing the others', async () => {
    const app = appWith(async function* ([input]) {
      yield ['', [String(input), 'b', 'c']];
      yield { values: ['', [String(input), 'b', 'c', 'd']], edits: [[], [['add', [3], 'd']]] };
      yield ['done', [String(input)]];
    });
    const reading = await call(app, 'a');
    expect(outputsOf(reading).map((output) => (output as { data: unknown }).data)).toEqual([
      ['', ['a', 'b', 'c']],
      [[], [['add', [3], 'd']]],
      [[['append', [], 'done']], [['delete', [1], null], ['delete', [2], null], ['delete', [3], null]]],
      ['done', ['a']],
    ]);
  });

  it('complete a plain function with the values it resolves to', async () => {
    const reading = await call(appWith(async ([input]) => [input, `${String(input)}!`], false), 'hey');
    expect(messageTypes(reading.frames)).toEqual(['estimation', 'process_starts', 'process_completed', 'close_stream']);
    expect(outputsOf(reading)).toEqual([expect.objectContaining({ data: ['hey', 'hey!'], is_generating: false })]);
  });

  it('complete a generator that yields nothing with null outputs', async () => {
    const reading = await call(appWith(function* () {}));
    expect(outputsOf(reading)).toEqual([expect.objectContaining({ data: [null, null], is_generating: false })]);
  });

  it('fail with a hidden error when a yield has the wrong number of values', async () => {
    const reading = await call(appWith(function* () {
      yield ['only one'];
    }));
    expect(messageTypes(reading.frames)).toEqual(['estimation', 'process_starts', 'process_completed', 'close_stream']);
    expect(reading.frames[2]!.message).toMatchObject({ output: { error: null }, success: false });
  });

  it('fail with a hidden error when the function throws midway, sent as "None" on sse_v1', async () => {
    const throwing = appWith(function* () {
      yield ['a', 'b'];
      throw new Error('model down');
    });
    const current = await call(throwing);
    expect(current.frames.at(-2)?.message).toMatchObject({ output: { error: null }, success: false });
    const old = await call(throwing, 'x', '4.16');
    expect(old.frames.at(-1)?.message).toMatchObject({ msg: 'process_completed', output: { error: 'None' }, success: false });
  });

  it('abort the call and close the generator when the client leaves', async () => {
    let signal: AbortSignal | undefined;
    let closed = false;
    const app = appWith(function* (_inputs, context) {
      signal = context.signal;
      try {
        for (let count = 0; ; count++) yield ['', String(count)];
      } finally {
        closed = true;
      }
    });
    const emulator = await emulators.start({ app, tokenDelayMs: 2 });
    await joinQueue(emulator.url, 'leaving', ['x']);
    await readStream(`${emulator.url}/queue/data?session_hash=leaving`, (frames) => frames.length >= 5);
    await emulator.waitForStreamClose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal?.aborted).toBe(true);
    expect(closed).toBe(true);
  });
});
