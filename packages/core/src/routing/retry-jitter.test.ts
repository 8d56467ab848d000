import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpstreamHttpError } from '../errors/upstream-http-error.js';
import { createRegistry } from '../registry/global-registry.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import { ask, createFakeProvider, fail, finish, text } from '../testing/index.js';

afterEach(() => vi.useRealTimers());

describe('retry jitter source', () => {
  it('takes the registry random source for retry delays', async () => {
    vi.useFakeTimers();
    const busy = new UpstreamHttpError(503, 'busy', { retryable: true });
    const fake = createFakeProvider({
      name: 'Flaky',
      script: (call) => (call < 2 ? [fail(busy)] : [text('ok'), finish()]),
    });
    const events: RoutingEvent[] = [];
    const registry = createRegistry({
      random: () => 0,
      retry: { baseDelayMs: 100, maxDelayMs: 1_000 },
      onEvent: (event) => events.push(event),
    });
    registry.register(fake.providerClass, fake.metadata);
    const answer = registry.complete(ask());
    await vi.runAllTimersAsync();
    expect(await answer).toBe('ok');
    const delays = events.flatMap((event) => (event.type === 'retry-scheduled' ? [event.delayMs] : []));
    expect(delays).toEqual([50, 100]);
    registry.configure({ random: () => 0.5 });
    fake.calls.length = 0;
    events.length = 0;
    const again = registry.complete(ask());
    await vi.runAllTimersAsync();
    expect(await again).toBe('ok');
    expect(events.flatMap((event) => (event.type === 'retry-scheduled' ? [event.delayMs] : []))).toEqual([75, 150]);
  });
});
