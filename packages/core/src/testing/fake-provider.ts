import { systemScheduler } from '../routing/routing-defaults.js';
import type { ChatProvider, ChatProviderClass } from '../spec/chat-provider.js';
import type { ChatRequest, StreamOptions } from '../spec/chat-request.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { Scheduler } from '../spec/registry-options.js';
import type { StreamPart } from '../spec/stream-part.js';
import type { FakeStep } from './fake-steps.js';
import { testMetadata } from './test-metadata.js';

/** What one call of a fake provider received and how it was closed. */
export interface FakeCall {
  request: ChatRequest;
  signal: AbortSignal | undefined;
  /** Whether the caller closed the stream early with the iterator's `return()`. */
  returnCalled: boolean;
}

export interface FakeProviderOptions {
  name: string;
  /** Metadata beyond `testMetadata()`'s defaults. */
  metadata?: Partial<ProviderMetadata>;
  /** The steps of every call, or of call number `index` (from 0). */
  script: readonly FakeStep[] | ((index: number) => readonly FakeStep[]);
  /** Behave badly: never look at the signal, keep waiting and never yield again on `hang`. */
  ignoreAbort?: boolean;
  /**
   * Timers of the steps' `delayMs`. Default: the global timers, looked up when a step
   * waits, so `vi.useFakeTimers()` controls them; give the registry's scheduler when
   * testing on a manual one (`createManualTime()`).
   */
  scheduler?: Scheduler;
}

/** A fake provider: register `providerClass` with `metadata`, then inspect `calls`. */
export interface FakeProvider {
  name: string;
  providerClass: ChatProviderClass;
  metadata: ProviderMetadata;
  calls: FakeCall[];
}

/**
 * A scripted in-process provider that records its calls, for routing tests. Each call
 * plays the script's steps in order; register it on a registry of your own:
 * `registry.register(fake.providerClass, fake.metadata)`.
 */
export function createFakeProvider(options: FakeProviderOptions): FakeProvider {
  const calls: FakeCall[] = [];
  const metadata = testMetadata({ name: options.name, ...options.metadata });
  const scheduler = options.scheduler ?? systemScheduler;
  const stepsOf = (index: number) => (typeof options.script === 'function' ? options.script(index) : options.script);
  const signalFor = (signal: AbortSignal | undefined) => (options.ignoreAbort ? undefined : signal);
  class FakeChatProvider implements ChatProvider {
    createAsyncGenerator(request: ChatRequest, streamOptions: StreamOptions = {}): AsyncIterable<StreamPart> {
      const call: FakeCall = { request, signal: streamOptions.signal, returnCalled: false };
      const inner = runScript(stepsOf(calls.length), signalFor(streamOptions.signal), scheduler);
      calls.push(call);
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => inner.next(),
          return: (value?: unknown) => {
            call.returnCalled = true;
            return inner.return(value);
          },
        }),
      };
    }
  }
  return { name: options.name, providerClass: FakeChatProvider, metadata, calls };
}

async function* runScript(
  steps: readonly FakeStep[],
  signal: AbortSignal | undefined,
  scheduler: Scheduler,
): AsyncGenerator<StreamPart> {
  for (const step of steps) {
    if (step.type === 'hang') {
      await waitFor(Infinity, signal, scheduler);
      return;
    }
    if (step.delayMs !== undefined) await waitFor(step.delayMs, signal, scheduler);
    if (step.type === 'fail') throw step.error;
    yield step.part;
  }
}

function waitFor(delayMs: number, signal: AbortSignal | undefined, scheduler: Scheduler): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = Number.isFinite(delayMs) ? scheduler.setTimeout(done, delayMs) : undefined;
    const onAbort = () => {
      if (timer !== undefined) scheduler.clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
  });
}
