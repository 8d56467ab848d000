import {
  applyTextPart,
  AbortError,
  AllProvidersFailedError,
  QueueFullError,
  StreamTruncatedError,
  TimeoutError,
  createRegistry,
  type FallbackEvent,
  type RegistryOptions,
  type SwitchboardError,
  type RoutingEvent,
  type StreamPart,
} from '@switchboard/core';
import type { GradioEmulator } from '@switchboard/gradio-emulator';
import { startConnectProxy } from '@switchboard/testing';
import { readParts, settleWithin } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { qwen2_72bMetadata } from './qwen2-72b-metadata.js';
import { Qwen2_72BProvider } from './qwen2-72b-provider.js';
import { QwenSpaceEmulatorPool as EmulatorPool, type QwenSpaceEmulatorOptions as GradioEmulatorOptions } from './testing/index.js';

const emulators = new EmulatorPool();
afterEach(() => emulators.closeAll());
const emulate = (options: GradioEmulatorOptions) => emulators.start(options);

/** Two emulated Spaces serving `qwen-2-72b` in an isolated registry: Primary first, then Backup. */
async function twoSpaces(primary: GradioEmulatorOptions, backup: GradioEmulatorOptions, options: RegistryOptions = {}) {
  const [primarySpace, backupSpace] = await Promise.all([emulate(primary), emulate(backup)]);
  const events: RoutingEvent[] = [];
  const registry = createRegistry({ retry: { baseDelayMs: 1, maxDelayMs: 5 }, onEvent: (event) => events.push(event), ...options });
  registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, name: 'Primary', priority: 1 }, { settings: { baseUrl: primarySpace.url } });
  registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, name: 'Backup' }, { settings: { baseUrl: backupSpace.url } });
  return { registry, events, primarySpace, backupSpace };
}

const ask = { model: 'qwen-2-72b', messages: [{ role: 'user' as const, content: 'Hi' }] };
const joinCount = (emulator: GradioEmulator) => emulator.requests.filter((request) => request.path.endsWith('/queue/join')).length;

describe('routing across emulated Spaces', () => {
  it.each([
    ['a full queue', { kind: 'queue-full' } as const, 'QUEUE_FULL'],
    ['HTTP 500 on join', { kind: 'join-status', status: 500, body: 'boom' } as const, 'UPSTREAM_HTTP'],
  ])('falls back to the second Space when the first has %s', async (_name, fault, code) => {
    const { registry, events, primarySpace } = await twoSpaces({ answer: 'unused', fault }, { answer: 'from the backup' });
    expect(await registry.complete(ask)).toBe('from the backup');
    expect(joinCount(primarySpace)).toBe(3);
    const retries = events.filter((event) => event.type === 'retry-scheduled');
    expect(retries.map((event) => (event as { provider: string }).provider)).toEqual(['Primary', 'Primary']);
    const fallback = events.find((event): event is FallbackEvent => event.type === 'fallback');
    expect(fallback).toMatchObject({ from: 'Primary', to: 'Backup' });
    expect((fallback!.reason as SwitchboardError).code).toBe(code);
    expect(events.at(-1)).toMatchObject({ type: 'finish', provider: 'Backup', reason: 'stop' });
  });

  it('falls back when the first Space stalls before its first token', async () => {
    const { registry, events } = await twoSpaces(
      { answer: 'never sent', fault: { kind: 'stall', afterTokens: 0 }, heartbeatIntervalMs: 20 },
      { answer: 'from the backup' },
      { retry: { maxAttempts: 1 }, timeouts: { firstTokenMs: 1_000 } },
    );
    expect(await registry.complete(ask)).toBe('from the backup');
    const fallback = events.find((event): event is FallbackEvent => event.type === 'fallback');
    expect(TimeoutError.isInstance(fallback?.reason)).toBe(true);
    expect((fallback!.reason as TimeoutError).phase).toBe('firstToken');
  });

  it('does not retry or switch after the first token; the error keeps the partial text', async () => {
    const { registry, primarySpace, backupSpace } = await twoSpaces(
      { answer: 'abcdefghijklmnopqrstuvwxyz', tokenSize: 2, fault: { kind: 'drop-connection', afterTokens: 4 } },
      { answer: 'from the backup' },
    );
    const { parts, error } = await readParts(registry.stream(ask));
    expect(StreamTruncatedError.isInstance(error)).toBe(true);
    const text = parts.filter((part) => part.type === 'text-delta').map((part) => (part as { text: string }).text).join('');
    expect(text.length).toBeGreaterThan(0);
    expect((error as StreamTruncatedError).partialText).toBe(text);
    expect((error as StreamTruncatedError).provider).toBe('Primary');
    expect(joinCount(primarySpace)).toBe(1);
    expect(joinCount(backupSpace)).toBe(0);
  });

  it('names every Space and its cause when all fail', async () => {
    const { registry } = await twoSpaces(
      { answer: 'x', fault: { kind: 'queue-full' } },
      { answer: 'x', fault: { kind: 'join-status', status: 503, body: '{"detail":"Queue is stopped."}' } },
      { retry: { maxAttempts: 1 } },
    );
    const error = await registry.complete(ask).catch((caught: unknown) => caught);
    expect(AllProvidersFailedError.isInstance(error)).toBe(true);
    const failures = (error as AllProvidersFailedError).failures;
    expect(failures.map((failure) => failure.provider)).toEqual(['Primary', 'Backup']);
    expect(QueueFullError.isInstance(failures[0]!.error)).toBe(true);
    expect((error as Error).message).toMatch(/Primary: .*queue is full.*Backup: /);
  });

  it('waits through a long queue with heartbeats without tripping the first-token timeout', async () => {
    const space = await emulate({
      answer: 'worth the wait',
      queue: { waitMs: 600, updates: 2, rank: 3, queueSize: 4 },
      heartbeatIntervalMs: 40,
    });
    const registry = createRegistry({ timeouts: { firstTokenMs: 200 } });
    registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, name: 'Patient' }, { settings: { baseUrl: space.url } });
    expect(await registry.complete(ask)).toBe('worth the wait');
  });

  it('trips the idle timeout when generation stalls with heartbeats only', async () => {
    const space = await emulate({ answer: 'a long answer that stalls', tokenSize: 3, fault: { kind: 'stall', afterTokens: 2 }, heartbeatIntervalMs: 30 });
    const registry = createRegistry({ timeouts: { idleMs: 250 } });
    registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, name: 'Stalling' }, { settings: { baseUrl: space.url } });
    const closed = space.waitForStreamClose();
    const { parts, error } = await readParts(registry.stream(ask));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).phase).toBe('idle');
    expect((error as TimeoutError).partialText).toBe(parts.reduce(applyTextPart, ''));
    await settleWithin(closed, 2_000, 'the stalled stream close');
  });

  it.each(['queued', 'streaming'] as const)('aborts while %s: settles with AbortError and the Space sees the close', async (stage) => {
    const space = await emulate({
      answer: 'word '.repeat(200),
      tokenSize: 5,
      tokenDelayMs: 40,
      queue: stage === 'queued' ? { waitMs: 10_000, updates: 5 } : undefined,
    });
    const registry = createRegistry();
    registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, name: 'Aborted' }, { settings: { baseUrl: space.url } });
    const controller = new AbortController();
    const closed = space.waitForStreamClose();
    let aborted = false;
    const reading = readParts(registry.stream(ask, { signal: controller.signal }), {
      onPart: (part) => {
        const reached = stage === 'queued' ? part.type === 'status' : part.type === 'text-delta';
        if (reached && !aborted) {
          aborted = true;
          controller.abort();
        }
      },
    });
    const { error } = await settleWithin(reading, 2_000, 'the aborted stream');
    expect(AbortError.isInstance(error)).toBe(true);
    await settleWithin(closed, 2_000, 'the upstream connection close');
  });

  it('hands a registry-level proxy to the provider transport', async () => {
    const space = await emulate({ answer: 'proxied answer' });
    const proxy = await startConnectProxy();
    try {
      const registry = createRegistry({ proxy: proxy.url });
      registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, name: 'Proxied' }, { settings: { baseUrl: space.url } });
      expect(await registry.complete(ask)).toBe('proxied answer');
      expect(proxy.tunnels).toContain(new URL(space.url).host);
    } finally {
      await proxy.close();
    }
  });
});

