import { Client } from '@gradio/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatedGradioVersion, GradioEmulator, GradioEmulatorOptions } from './emulator-options.js';
import { EmulatorPool } from './emulator-pool.js';
import { joinQueue, messageTypes, readStream, type StreamReading } from './sse-test-client.js';

const system = 'You are a helpful assistant.';
const tokens = ['1. **Grüße**', '\n   detail', ' 😀', '\nNext', ' line.', '\n\n', 'Para', 'graph', ' "end"'];
const answer = tokens.join('');
const emulators = new EmulatorPool();
afterEach(() => emulators.closeAll());
const start = (options: GradioEmulatorOptions) => emulators.start(options);

function apiRoot(emulator: GradioEmulator, version: EmulatedGradioVersion): string {
  return version === '5' ? `${emulator.url}/gradio_api` : emulator.url;
}

async function readEvent(
  emulator: GradioEmulator,
  version: EmulatedGradioVersion,
  sessionHash: string,
  data: unknown[] = ['Hi', [['a', 'b']], system],
): Promise<{ eventId: string; reading: StreamReading }> {
  const root = apiRoot(emulator, version);
  const eventId = await joinQueue(root, sessionHash, data);
  const reading = await readStream(`${root}/queue/data?session_hash=${sessionHash}`);
  return { eventId, reading };
}

/** The body with the event id and the measured timings replaced, so two runs can be compared. */
function normalise(text: string, eventId: string): string {
  return text
    .replaceAll(eventId, 'EVENT')
    .replace(/"duration":\s?[0-9.e+-]+/g, '"duration":D')
    .replace(/"average_duration":\s?[0-9.e+-]+/g, '"average_duration":A');
}

describe.each<EmulatedGradioVersion>(['4.16', '4.20', '4.36', '5'])('pre-rendered events on emulated Gradio %s', (version) => {
  const options: GradioEmulatorOptions = { version, tokens: () => tokens, queue: { updates: 2, rank: 2, etaSeconds: 1.5 } };

  it('stream the same bytes as the live server', async () => {
    const live = await start(options);
    const rendered = await start({ ...options, prerender: true });
    const expected = await readEvent(live, version, 'live');
    const actual = await readEvent(rendered, version, 'rendered');
    expect(actual.reading.error).toBeUndefined();
    expect(normalise(actual.reading.text, actual.eventId)).toBe(normalise(expected.reading.text, expected.eventId));
    expect(messageTypes(actual.reading.frames).filter((type) => type === 'estimation')).toHaveLength(3);
    const completed = actual.reading.frames.find((frame) => frame.message?.msg === 'process_completed');
    expect((completed?.message?.output as { data: [string, string[][]] }).data[1][1][1]).toBe(answer);
  });

  it('serve every later join with the same inputs from the same bytes', async () => {
    const emulator = await start({ ...options, prerender: true });
    const first = await readEvent(emulator, version, 'first');
    const second = await readEvent(emulator, version, 'second');
    expect(second.eventId).toBe(first.eventId);
    expect(second.reading.text).toBe(first.reading.text);
    const other = await readEvent(emulator, version, 'other', ['Other', [], system]);
    expect(other.eventId).not.toBe(first.eventId);
    expect(other.reading.text).toContain('"Other"');
    expect(emulator.openStreams).toBe(0);
  });
});

describe('prerender serving mode', () => {
  it('serves a long answer whole and ends with close_stream', async () => {
    const many = Array.from({ length: 5000 }, (_, index) => (index % 50 === 49 ? '.\n\nNext' : ' word'));
    const emulator = await start({ tokens: () => many, prerender: true });
    const { reading } = await readEvent(emulator, '4.36', 'large');
    expect(reading.frames).toHaveLength(5000 + 4);
    expect(reading.frames.at(-1)?.payload).toBe('{"msg":"close_stream"}');
    const completed = reading.frames.at(-2)?.message as { output: { data: [string, string[][]] } };
    expect(completed.output.data[1].at(-1)?.[1]).toBe(many.join('').trimStart());
  });

  it('plays joins with a stream fault live', async () => {
    const fault = (join: number) => (join === 1 ? ({ kind: 'app-error', afterTokens: 2 } as const) : undefined);
    const emulator = await start({ answer: 'abcdefgh', tokenSize: 2, prerender: true, fault });
    const clean = await readEvent(emulator, '4.36', 'clean');
    const faulty = await readEvent(emulator, '4.36', 'faulty');
    expect(faulty.eventId).not.toBe(clean.eventId);
    expect(faulty.reading.frames.at(-2)?.message).toMatchObject({ msg: 'process_completed', success: false });
    const again = await readEvent(emulator, '4.36', 'again');
    expect(again.reading.text).toBe(clean.reading.text);
  });

  it('serves the official client', async () => {
    const emulator = await start({ tokens: () => tokens, prerender: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      const client = await Client.connect(emulator.url);
      let last: unknown;
      for await (const event of client.submit(0, ['Hi', [], system])) {
        if (event.type === 'data') last = structuredClone(event.data);
      }
      client.close();
      expect(last).toEqual(['', [['Hi', answer]], system]);
    }
  });
});
