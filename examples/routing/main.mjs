// Fallback: two providers serve the alias `chat`. The first one's queue is full before it
// sends any text, so the registry retries it once, then falls back to the second.
// Run after `pnpm build`: node examples/routing/main.mjs
import { AllProvidersFailedError, QueueFullError, createRegistry, messageText } from '@switchboard/core';

const chatMetadata = {
  url: 'https://example.invalid',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'chat-1',
  models: ['chat-1'],
  modelAliases: { chat: 'chat-1' },
};

class BusyUpstream {
  async *createAsyncGenerator() {
    yield { type: 'status', stage: 'queued', position: 4, queueSize: 5 };
    throw new QueueFullError({ detail: 'Queue is full. Max size is 5 and size is 5.' });
  }
}

class SteadyUpstream {
  async *createAsyncGenerator(request) {
    yield { type: 'text-delta', text: `You said: ${messageText(request.messages.at(-1))}` };
    yield { type: 'finish', reason: 'stop' };
  }
}

const registry = createRegistry({
  retry: { maxAttempts: 2, baseDelayMs: 50 },
  timeouts: { totalMs: 10_000 },
  onEvent: (event) => {
    if (event.type === 'retry-scheduled') console.log(`${event.provider}: ${event.reason.code}, retrying (attempt ${event.attempt})`);
    if (event.type === 'fallback') console.log(`${event.from} failed (${event.reason.code}), trying ${event.to}`);
  },
});
registry.register(BusyUpstream, { ...chatMetadata, name: 'Busy', label: 'Busy upstream', priority: 1 });
registry.register(SteadyUpstream, { ...chatMetadata, name: 'Steady', label: 'Steady upstream' });

console.log(await registry.complete({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] }));

try {
  // Pinned to one provider, a request has no fallback.
  await registry.complete({ model: 'chat', provider: 'Busy', messages: [{ role: 'user', content: 'Hi again' }] });
} catch (error) {
  if (!AllProvidersFailedError.isInstance(error)) throw error;
  for (const { provider, error: cause } of error.failures) console.log(`${provider} gave up: ${cause.message}`);
}
