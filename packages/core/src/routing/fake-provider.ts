import { createRegistry } from '../registry/global-registry.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import { testMetadata } from '../registry/test-providers.js';
import type { ChatProvider, ChatProviderClass } from '../spec/chat-provider.js';
import type { ChatRequest, StreamOptions } from '../spec/chat-request.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { RegistryOptions } from '../spec/registry-options.js';
import type { StatusPart, StreamPart } from '../spec/stream-part.js';

/** One step of a fake provider's script, run after `delayMs`. */
export type FakeStep =
  | { type: 'part'; part: StreamPart; delayMs?: number }
  | { type: 'fail'; error: unknown; delayMs?: number }
  | { type: 'hang' };

export const text = (value: string, delayMs?: number): FakeStep => ({ type: 'part', part: { type: 'text-delta', text: value }, delayMs });
export const queued = (fields: Omit<StatusPart, 'type' | 'stage'> = {}, delayMs?: number): FakeStep => ({
  type: 'part',
  part: { type: 'status', stage: 'queued', ...fields },
  delayMs,
});
export const started = (delayMs?: number): FakeStep => ({ type: 'part', part: { type: 'status', stage: 'started' }, delayMs });
export const finish = (delayMs?: number): FakeStep => ({ type: 'part', part: { type: 'finish', reason: 'stop' }, delayMs });
export const fail = (error: unknown, delayMs?: number): FakeStep => ({ type: 'fail', error, delayMs });
export const hang = (): FakeStep => ({ type: 'hang' });

/** What one call of a fake provider received and how it was closed. */
export interface FakeCall {
  request: ChatRequest;
  signal: AbortSignal | undefined;
  /** Whether the router called the iterator's `return()`. */
  returnCalled: boolean;
}

export interface FakeProviderOptions {
  name: string;
  metadata?: Partial<ProviderMetadata>;
  /** The steps of every call, or of call number `index` (from 0). */
  script: readonly FakeStep[] | ((index: number) => readonly FakeStep[]);
  /** Behave badly: never look at the signal, keep waiting and never yield again on `hang`. */
  ignoreAbort?: boolean;
}

export interface FakeProvider {
  name: string;
  providerClass: ChatProviderClass;
  metadata: ProviderMetadata;
  calls: FakeCall[];
}

/** A scripted in-process provider that records its calls, for routing tests. */
export function createFakeProvider(options: FakeProviderOptions): FakeProvider {
  const calls: FakeCall[] = [];
  const metadata = testMetadata({ name: options.name, ...options.metadata });
  const stepsOf = (index: number) => (typeof options.script === 'function' ? options.script(index) : options.script);
  const signalFor = (signal: AbortSignal | undefined) => (options.ignoreAbort ? undefined : signal);
  class FakeChatProvider implements ChatProvider {
    createAsyncGenerator(request: ChatRequest, streamOptions: StreamOptions = {}): AsyncIterable<StreamPart> {
      const call: FakeCall = { request, signal: streamOptions.signal, returnCalled: false };
      const inner = runScript(stepsOf(calls.length), signalFor(streamOptions.signal));
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

/** A fresh registry holding the given fakes, in order. */
export function registryWith(fakes: readonly FakeProvider[], options: RegistryOptions = {}): ProviderRegistry {
  const registry = createRegistry(options);
  for (const fake of fakes) registry.register(fake.providerClass, fake.metadata);
  return registry;
}

async function* runScript(steps: readonly FakeStep[], signal: AbortSignal | undefined): AsyncGenerator<StreamPart> {
  for (const step of steps) {
    if (step.type === 'hang') {
      await waitFor(Infinity, signal);
      return;
    }
    if (step.delayMs !== undefined) await waitFor(step.delayMs, signal);
    if (step.type === 'fail') throw step.error;
    yield step.part;
  }
}

function waitFor(delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = Number.isFinite(delayMs) ? setTimeout(done, delayMs) : undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
  });
}

/** Reads a stream to its end; a failure is returned next to the parts read before it. */
export async function readStream(stream: AsyncIterable<StreamPart>): Promise<{ parts: StreamPart[]; error?: unknown }> {
  const parts: StreamPart[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts };
  } catch (error) {
    return { parts, error };
  }
}

/** A request for the fakes' shared model. */
export function ask(content = 'hi', extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'shared', messages: [{ role: 'user', content }], ...extra };
}
