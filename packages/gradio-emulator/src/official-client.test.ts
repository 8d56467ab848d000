import { Client } from '@gradio/client';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { EmulatedGradioVersion, GradioEmulator } from './emulator-options.js';
import { startChatTestEmulator, type ChatTestEmulatorOptions } from '../test/chat-test-app.js';

const versions: EmulatedGradioVersion[] = ['4.16', '4.20', '4.21', '4.36', '5'];
const answer = 'Hello! How can I help you today?';

type ChatValues = [string, [string, string | null][]];

let emulator: GradioEmulator | undefined;
let client: Client | undefined;

afterEach(async () => {
  client?.close();
  client = undefined;
  await emulator?.close();
  emulator = undefined;
});

async function connect(options: ChatTestEmulatorOptions): Promise<Client> {
  emulator = await startChatTestEmulator(options);
  client = await Client.connect(emulator.url);
  return client;
}

/** Submits and snapshots every data event (the client mutates earlier values in place). */
async function submitAndCollect(endpoint: number | string, data: unknown[]): Promise<ChatValues[]> {
  const snapshots: ChatValues[] = [];
  for await (const event of client!.submit(endpoint, data)) {
    if (event.type === 'data') snapshots.push(structuredClone(event.data) as ChatValues);
  }
  return snapshots;
}

const lastAnswer = (values: ChatValues) => values[1].at(-1)?.[1];

describe.each(versions)('official @gradio/client against emulated Gradio %s', (version) => {
  it('streams the configured answer on fn 0 and ends with it', async () => {
    await connect({ version, answer, tokenSize: 5 });
    const snapshots = await submitAndCollect(0, ['Hi', []]);

    expect(snapshots.length).toBeGreaterThan(3);
    expect(snapshots.at(-1)).toEqual(['', [['Hi', answer]]]);
    expect(snapshots.at(-2)).toEqual(['', [['Hi', answer]]]);
    expect(lastAnswer(snapshots[0])).toBe('Hello');
    const prefix = version === '5' ? '/gradio_api' : '';
    const paths = emulator!.requests.map((request) => `${request.method} ${request.path}`);
    expect(paths).toEqual(['GET /config', `GET ${prefix}/info`, `POST ${prefix}/queue/join`, `GET ${prefix}/queue/data`]);
    expect(emulator!.requests[2].body).toMatchObject({ data: ['Hi', []], fn_index: 0 });
  });

  it('answers predict by api_name', async () => {
    await connect({ version, answer: (query) => `You said ${query}` });
    const result = await client!.predict('/chat', ['Ping', []]);
    expect(result.data).toEqual(['', [['Ping', 'You said Ping']]]);
  });

  it('follows whitespace-tidy rewrites to the final text', async () => {
    const markdown = '1. **A**\n   detail\nNext';
    await connect({ version, answer: markdown, tokenSize: 3 });
    const snapshots = await submitAndCollect(0, ['List', []]);
    const texts = snapshots.map(lastAnswer);
    expect(texts).toContain('1. **A**\ndetail');
    expect(texts.at(-1)).toBe(markdown);
  });

  it('keeps a multi-turn history and answers the last query', async () => {
    const seen: unknown[] = [];
    await connect({
      version,
      answer: (query, history) => {
        seen.push(history);
        return `Turn ${history.length + 1}: ${query}`;
      },
    });
    const history = [['Hi', 'Hello'], ['How are you?', 'Fine.']];
    const snapshots = await submitAndCollect('/chat_1', ['And you?', history]);
    expect(seen).toEqual([history]);
    expect(snapshots.at(-1)).toEqual(['', [...history, ['And you?', 'Turn 3: And you?']]]);
    for (const [, chat] of snapshots) expect(chat.slice(0, 2)).toEqual(history);
    expect(lastAnswer(snapshots.at(-2)!)).toBe('Turn 3: And you?');
  });
});

describe('official @gradio/client error paths', () => {
  it('rejects predict with the quoted gr.Error text on 4.36', async () => {
    await connect({ version: '4.36', fault: { kind: 'app-error', message: 'boom', afterTokens: 2 } });
    await expect(client!.predict(0, ['Hi', []])).rejects.toThrow("'boom'");
  });

  it('rejects predict with the bare gr.Error text on 5', async () => {
    await connect({ version: '5', fault: { kind: 'app-error', message: 'boom' } });
    await expect(client!.predict(0, ['Hi', []])).rejects.toMatchObject({ message: 'boom', title: 'Error' });
  });

  it('surfaces queue estimations as pending status updates', async () => {
    emulator = await startChatTestEmulator({ queue: { waitMs: 30, updates: 1, rank: 2, queueSize: 5, etaSeconds: 4 } });
    client = await Client.connect(emulator.url, { events: ['data', 'status'] });
    const statuses: unknown[] = [];
    for await (const event of client.submit(0, ['Hi', []])) {
      if (event.type === 'status' && event.stage === 'pending' && event.position !== undefined) {
        statuses.push({ position: event.position, size: event.size, eta: event.eta });
      }
    }
    expect(statuses.slice(0, 2)).toEqual([
      { position: 2, size: 5, eta: 4 },
      { position: 1, size: 4, eta: 2 },
    ]);
  });

  it('reports a full queue', async () => {
    await connect({ version: '4.36', fault: { kind: 'queue-full' } });
    await expect(client!.predict(0, ['Hi', []])).rejects.toThrow(/currently busy/);
  });

  it('cancels through the cancel and reset routes', async () => {
    // 2.7.0 throws on the `output: {}` completion of a cancelled event and logs it.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => consoleError.mockRestore());
    await connect({ version: '4.36', answer: 'x'.repeat(200), tokenSize: 1, tokenDelayMs: 5 });
    const job = client!.submit(0, ['Hi', []]);
    const iterator = job[Symbol.asyncIterator]();
    await iterator.next();
    await job.cancel();
    const paths = emulator!.requests.map((request) => `${request.method} ${request.path}`);
    expect(paths).toContain('POST /cancel');
    expect(paths).toContain('POST /reset');
    const cancel = emulator!.requests.find((request) => request.path === '/cancel');
    expect(cancel?.body).toMatchObject({ session_hash: client!.session_hash, fn_index: 0 });
    await emulator!.waitForStreamClose();
    expect(emulator!.openStreams).toBe(0);
  });
});
