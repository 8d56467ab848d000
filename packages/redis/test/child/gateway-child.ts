import { createInterface } from 'node:readline';
import { createRegistry, UpstreamHttpError, type ChatRequest, type StreamOptions, type StreamPart } from '@switchboard/core';
import { createRedisRoutingStore } from '../../src/index.js';

/**
 * A gateway process in miniature, for tests: a registry over a Redis routing store with
 * two providers, `Upstream` (POSTs to the test's loopback upstream) and `Local` (answers
 * "local"). Reads one JSON command per line on stdin and answers one JSON line on stdout.
 */
const settings = JSON.parse(process.env.CHILD_SETTINGS ?? '{}') as {
  redisUrl: string;
  prefix: string;
  upstream: string;
  leaseTtlMs: number;
  cooldownMs: number;
  maxConcurrency?: number;
};

class UpstreamProvider {
  async *createAsyncGenerator(request: ChatRequest, options: StreamOptions = {}): AsyncGenerator<StreamPart> {
    const response = await fetch(`${settings.upstream}/chat`, {
      method: 'POST',
      body: JSON.stringify({ messages: request.messages }),
      signal: options.signal,
    });
    if (!response.ok) throw new UpstreamHttpError(response.status, response.statusText, { retryable: true });
    yield { type: 'text-delta', text: await response.text() };
    yield { type: 'finish', reason: 'stop' };
  }
}

class LocalProvider {
  async *createAsyncGenerator(): AsyncGenerator<StreamPart> {
    yield { type: 'text-delta', text: 'local' };
    yield { type: 'finish', reason: 'stop' };
  }
}

const metadata = (name: string, priority: number) => ({
  name,
  label: name,
  url: 'http://127.0.0.1',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'chat',
  models: ['chat'],
  modelAliases: {},
  priority,
  ...(name === 'Upstream' && settings.maxConcurrency !== undefined ? { maxConcurrency: settings.maxConcurrency } : {}),
});

const store = createRedisRoutingStore({
  url: settings.redisUrl,
  prefix: settings.prefix,
  leaseTtlMs: settings.leaseTtlMs,
  operationTimeoutMs: 500,
  logger: { info: () => undefined, warn: (line) => process.stderr.write(`${line}\n`) },
});
const registry = createRegistry({
  store,
  retry: { maxAttempts: 1 },
  circuit: { failureThreshold: 3, cooldownMs: settings.cooldownMs },
  timeouts: { queueMs: 60_000 },
});
registry.register(UpstreamProvider, metadata('Upstream', 1));
registry.register(LocalProvider, metadata('Local', 0));

function reply(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function handle(command: { id: number; op: string }): Promise<void> {
  if (command.op === 'status') return reply({ id: command.id, connected: store.status().connected });
  if (command.op === 'health') return reply({ id: command.id, health: await registry.refreshHealth() });
  if (command.op === 'exit') {
    await store.close();
    reply({ id: command.id, closed: true });
    return process.exit(0);
  }
  try {
    const text = await registry.complete({ model: 'chat', messages: [{ role: 'user', content: `question ${command.id}` }] });
    reply({ id: command.id, text });
  } catch (error) {
    reply({ id: command.id, error: (error as { code?: string }).code ?? String(error) });
  }
}

createInterface({ input: process.stdin }).on('line', (line) => void handle(JSON.parse(line) as { id: number; op: string }));
reply({ id: 0, ready: true });
