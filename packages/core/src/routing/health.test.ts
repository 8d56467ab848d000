import { describe, expect, it } from 'vitest';
import { registryWith } from '../../test/registry-with.js';
import { AllProvidersFailedError } from '../errors/all-providers-failed-error.js';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import { ProviderNotFoundError } from '../errors/provider-not-found-error.js';
import { ProviderUnavailableError } from '../errors/provider-unavailable-error.js';
import { UpstreamHttpError } from '../errors/upstream-http-error.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import { ask, createFakeProvider, createManualTime, fail, finish, hang, readStream, text } from '../testing/index.js';

const answer = (label: string) => [text(label), finish()];

function setup(script: Parameters<typeof createFakeProvider>[0]['script']) {
  const time = createManualTime(1_000_000);
  const events: RoutingEvent[] = [];
  const flaky = createFakeProvider({ name: 'Flaky', script, scheduler: time.scheduler });
  const backup = createFakeProvider({ name: 'Backup', script: answer('backup') });
  const registry = registryWith([flaky, backup], {
    retry: { maxAttempts: 1 },
    circuit: { failureThreshold: 2, cooldownMs: 30_000 },
    clock: time.clock,
    scheduler: time.scheduler,
    onEvent: (event) => events.push(event),
  });
  return { flaky, backup, registry, events, time, now: () => time.now() };
}

const down = new UpstreamHttpError(503, 'Service Unavailable');

describe('health and circuit breaker', () => {
  it('opens the circuit after consecutive failures and then skips the provider', async () => {
    const { flaky, registry, events, now } = setup([fail(down)]);
    expect(await registry.complete(ask())).toBe('backup');
    expect(registry.health()[0]).toMatchObject({ state: 'closed', consecutiveFailures: 1, working: true });
    expect(await registry.complete(ask())).toBe('backup');
    expect(events).toContainEqual({ type: 'circuit-opened', provider: 'Flaky', untilMs: now() + 30_000 });

    events.length = 0;
    expect(await registry.complete(ask())).toBe('backup');
    expect(flaky.calls).toHaveLength(2);
    expect(events.map((event) => event.type)).toEqual(['attempt-start', 'first-token', 'finish']);
    expect(registry.health()[0]).toEqual({
      provider: 'Flaky',
      state: 'open',
      working: false,
      declaredWorking: true,
      consecutiveFailures: 2,
      recentSuccesses: 0,
      recentFailures: 2,
      openUntil: now() + 30_000,
      lastError: { code: 'UPSTREAM_HTTP', message: down.message, time: now() },
    });
    expect(registry.health()[1]).toMatchObject({ provider: 'Backup', state: 'closed', working: true, recentSuccesses: 3, lastSuccessTime: now() });
  });

  it('half-opens after the cool-down and closes on a successful trial', async () => {
    const { flaky, registry, events, time } = setup((index) => (index < 2 ? [fail(down)] : answer('recovered')));
    await registry.complete(ask());
    await registry.complete(ask());
    await time.advance(29_999);
    expect(registry.health()[0]!.state).toBe('open');
    await time.advance(1);
    expect(registry.health()[0]).toMatchObject({ state: 'half-open', working: true });

    events.length = 0;
    expect(await registry.complete(ask())).toBe('recovered');
    expect(flaky.calls).toHaveLength(3);
    expect(events).toContainEqual({ type: 'circuit-closed', provider: 'Flaky' });
    expect(registry.health()[0]).toMatchObject({ state: 'closed', consecutiveFailures: 0, recentSuccesses: 1, recentFailures: 2 });
  });

  it('re-opens when the trial fails', async () => {
    const { registry, events, time, now } = setup([fail(down)]);
    await registry.complete(ask());
    await registry.complete(ask());
    await time.advance(30_000);
    events.length = 0;
    expect(await registry.complete(ask())).toBe('backup');
    expect(events).toContainEqual({ type: 'circuit-opened', provider: 'Flaky', untilMs: now() + 30_000 });
    expect(registry.health()[0]).toMatchObject({ state: 'open', consecutiveFailures: 3 });
  });

  it('lets only one trial through at a time', async () => {
    const { flaky, registry, time } = setup((index) => (index < 2 ? [fail(down)] : [text('slow trial', 400), finish()]));
    await registry.complete(ask());
    await registry.complete(ask());
    await time.advance(30_000);
    let trialAnswer: string | undefined;
    void registry.complete(ask()).then((answer) => {
      trialAnswer = answer;
    });
    expect(await registry.complete(ask())).toBe('backup');
    await time.advance(399);
    expect(trialAnswer).toBeUndefined();
    await time.advance(1);
    expect(trialAnswer).toBe('slow trial');
    expect(flaky.calls).toHaveLength(3);
    expect(registry.health()[0]).toMatchObject({ state: 'closed', lastSuccessTime: time.now() });
  });

  it('stops retrying a provider once its circuit opens', async () => {
    const { flaky, registry, time } = setup([fail(down)]);
    registry.configure({ retry: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 1_000 } });
    const answering = registry.complete(ask());
    await time.advance(1_000);
    expect(await answering).toBe('backup');
    expect(flaky.calls).toHaveLength(2);
    expect(registry.health()[0]!.state).toBe('open');
  });

  it('does not count caller aborts or unsupported models as failures', async () => {
    const { registry, time } = setup((index) => (index < 3 ? [fail(new ModelNotSupportedError('shared-model', []))] : [hang()]));
    for (let round = 0; round < 3; round += 1) expect(await registry.complete(ask())).toBe('backup');
    for (let round = 0; round < 3; round += 1) {
      const controller = new AbortController();
      const reading = readStream(registry.stream(ask(), { signal: controller.signal }));
      await time.advance(5);
      controller.abort();
      expect((await reading).error).toMatchObject({ code: 'ABORTED', provider: 'Flaky' });
    }
    expect(registry.health()[0]).toMatchObject({ state: 'closed', consecutiveFailures: 0, recentFailures: 0, working: true });
  });

  it('setWorking overrides metadata and circuit, and undefined clears the override', async () => {
    const { flaky, backup, registry } = setup([fail(down)]);
    registry.setWorking('Backup', false);
    const skipped = await registry.complete(ask()).catch((error: unknown) => error);
    expect(AllProvidersFailedError.isInstance(skipped)).toBe(true);
    const reason = (skipped as AllProvidersFailedError).failures[1]!.error as ProviderUnavailableError;
    expect(reason.reason).toBe('disabled');
    expect(backup.calls).toHaveLength(0);
    expect(registry.health()[1]).toMatchObject({ working: false, workingOverride: false, declaredWorking: true });

    registry.setWorking('Backup', undefined);
    await registry.complete(ask());
    expect(registry.health()[0]!.state).toBe('open');
    registry.setWorking('Flaky', true);
    expect(registry.health()[0]).toMatchObject({ state: 'open', working: true, workingOverride: true });
    await registry.complete(ask());
    expect(flaky.calls).toHaveLength(3);

    registry.setWorking('Flaky', undefined);
    expect(registry.health()[0]).not.toHaveProperty('workingOverride');
    expect(registry.health()[0]!.working).toBe(false);
    expect(() => registry.setWorking('Nobody', true)).toThrow(ProviderNotFoundError);
  });

  it('routes to a provider declared not working only when overridden', async () => {
    const retired = createFakeProvider({ name: 'Retired', metadata: { working: false }, script: answer('retired') });
    const registry = registryWith([retired]);
    expect(registry.health()[0]).toMatchObject({ working: false, declaredWorking: false, state: 'closed' });
    await expect(registry.complete(ask())).rejects.toThrow('Retired is marked not working');
    registry.setWorking('Retired', true);
    expect(await registry.complete(ask())).toBe('retired');
  });

  it('keeps health per registry', async () => {
    const first = setup([fail(down)]);
    await first.registry.complete(ask());
    const other = registryWith([first.flaky, first.backup]);
    expect(other.health()[0]).toMatchObject({ consecutiveFailures: 0, recentFailures: 0 });
  });
});
