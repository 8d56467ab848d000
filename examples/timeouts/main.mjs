// Timeouts on fake time: a request waits 135 s in a queue that keeps reporting progress,
// which the 60 s first-token limit allows, because each queue update restarts it. Then the
// answer stalls after two chunks, and the 30 s idle limit ends it with the text so far.
// The registry takes its clock and timers from createManualTime(), so this runs instantly;
// tests of timeouts and retries use the same options (`clock`, `scheduler`, `random`).
// Run after `pnpm build`: node examples/timeouts/main.mjs
import { TimeoutError, createRegistry } from '@switchboard/core';
import { createFakeProvider, createManualTime, hang, queued, started, text } from '@switchboard/core/testing';

const time = createManualTime(); // a clock and timers that move only when told to
const registry = createRegistry({
  clock: time.clock,
  scheduler: time.scheduler,
  timeouts: { firstTokenMs: 60_000, idleMs: 30_000, totalMs: 300_000 },
});
const space = createFakeProvider({
  name: 'BusySpace',
  scheduler: time.scheduler,
  script: [
    queued({ position: 2, queueSize: 3 }),
    queued({ position: 1, queueSize: 3 }, 45_000),
    queued({ position: 0, queueSize: 3 }, 45_000),
    started(45_000),
    text('Hello', 20_000),
    text(' there', 20_000),
    hang(),
  ],
});
registry.register(space.providerClass, space.metadata);

function describe(part) {
  if (part.type === 'status' && part.stage === 'queued') return `queued at position ${part.position} of ${part.queueSize}`;
  if (part.type === 'text-delta') return `text ${JSON.stringify(part.text)}`;
  return part.type === 'status' ? part.stage : part.type;
}

async function read() {
  try {
    for await (const part of registry.stream({ provider: 'BusySpace', messages: [{ role: 'user', content: 'Hi' }] })) {
      console.log(`[${time.now() / 1000} s] ${describe(part)}`);
    }
  } catch (error) {
    if (!TimeoutError.isInstance(error)) throw error;
    console.log(`[${time.now() / 1000} s] ${error.code} (${error.phase}), partial text ${JSON.stringify(error.partialText)}`);
  }
}

let settled = false;
const reading = read().finally(() => (settled = true));
for (let elapsed = 0; !settled && elapsed < 600_000; elapsed += 5_000) await time.advance(5_000);
if (!settled) throw new Error('The request was still running after 10 minutes of fake time.');
await reading;
