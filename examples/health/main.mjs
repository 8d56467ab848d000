// Health: every registry tracks its providers. Two failures in a row open Flaky's circuit,
// so requests skip it during the cool-down; after it, one trial request closes the circuit
// again. The registry reads time from an injected clock, so the cool-down passes at once.
// Run after `pnpm build`: node examples/health/main.mjs
import { UpstreamHttpError, createRegistry } from '@switchboard/core';

const echoMetadata = {
  url: 'https://example.invalid',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'echo-1',
  models: ['echo-1'],
  modelAliases: { echo: 'echo-1' },
};

let flakyCalls = 0;
class Flaky {
  async *createAsyncGenerator() {
    flakyCalls += 1;
    if (flakyCalls <= 2) throw new UpstreamHttpError(503, 'Service Unavailable');
    yield { type: 'text-delta', text: 'Flaky is back' };
    yield { type: 'finish', reason: 'stop' };
  }
}

class Backup {
  async *createAsyncGenerator() {
    yield { type: 'text-delta', text: 'Backup answers' };
    yield { type: 'finish', reason: 'stop' };
  }
}

let now = 0;
const registry = createRegistry({
  clock: { now: () => now },
  retry: { maxAttempts: 1 },
  circuit: { failureThreshold: 2, cooldownMs: 30_000 },
  timeouts: { totalMs: 10_000 },
  onEvent: (event) => {
    if (event.type === 'circuit-opened') console.log(`  circuit of ${event.provider} opened until ${event.untilMs} ms`);
    if (event.type === 'circuit-closed') console.log(`  circuit of ${event.provider} closed`);
  },
});
registry.register(Flaky, { ...echoMetadata, name: 'Flaky', label: 'Flaky echo', priority: 1 });
registry.register(Backup, { ...echoMetadata, name: 'Backup', label: 'Backup echo' });

async function ask(label) {
  const answer = await registry.complete({ model: 'echo', messages: [{ role: 'user', content: 'Hello?' }] });
  console.log(`${label}: ${answer}`);
}

function printHealth() {
  for (const health of registry.health()) {
    const lastError = health.lastError?.code ?? 'none';
    console.log(`  ${health.provider}: ${health.state}, working ${health.working}, ${health.consecutiveFailures} failures in a row, last error ${lastError}`);
  }
}

await ask('at 0 s');
await ask('at 0 s again');
printHealth();
now += 10_000;
await ask('at 10 s, circuit open');
now += 20_000;
await ask('at 30 s, trial request');
printHealth();

await registry.setWorking('Flaky', false); // never route to it
await ask('Flaky switched off');
await registry.setWorking('Flaky', undefined); // back to its metadata and circuit
await ask('Flaky back in routing');
