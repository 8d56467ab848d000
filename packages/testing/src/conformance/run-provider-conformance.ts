import {
  applyTextPart,
  AbortError,
  ModelNotSupportedError,
  SwitchboardError,
  createRegistry,
  findProviderMetadata,
  resolveModel,
  servedNames,
  validateProviderMetadata,
  type ChatRequest,
  type ProviderMetadata,
} from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConformanceFailure, ConformanceUpstream, ProviderConformanceOptions } from './conformance-harness.js';
import { readParts, settleWithin } from './read-parts.js';

const answer = 'Conformance answer: naïve café, 東京, 🦊 — several pieces long.';
const settleLimitMs = 5_000;

/**
 * Registers a shared vitest suite for one provider: metadata, model resolution,
 * streaming, abort, error mapping and stream shape. Call it once at the top level of a
 * test file in the provider's package.
 */
export function runProviderConformance(options: ProviderConformanceOptions): void {
  const metadata = metadataOf(options);
  const request: ChatRequest = {
    model: metadata.defaultModel,
    messages: [{ role: 'user', content: 'Say the conformance answer.' }],
  };
  const started: ConformanceUpstream[] = [];
  const start = async (...args: Parameters<ProviderConformanceOptions['start']>) => {
    const upstream = await options.start(...args);
    started.push(upstream);
    return upstream;
  };

  describe(`provider conformance: ${metadata.name}`, () => {
    afterEach(async () => {
      await Promise.all(started.splice(0).map((upstream) => upstream.close()));
    });

    it('declares complete and consistent metadata', () => {
      expect(() => validateProviderMetadata(metadata)).not.toThrow();
      expect(() => new URL(metadata.url)).not.toThrow();
      expect(metadata.label.trim()).not.toBe('');
    });

    it('resolves the default model, every model id and every alias', () => {
      expect(resolveModel(metadata, '')).toBe(metadata.defaultModel);
      for (const model of metadata.models) expect(resolveModel(metadata, model)).toBe(model);
      for (const [alias, model] of Object.entries(metadata.modelAliases)) expect(resolveModel(metadata, alias)).toBe(model);
      expect(() => resolveModel(metadata, 'no-such-model-anywhere')).toThrow(ModelNotSupportedError);
      const registry = createRegistry();
      registry.register(options.providerClass, metadata);
      for (const name of servedNames(metadata)) {
        expect(registry.candidates(name).map((candidate) => candidate.metadata.name)).toEqual([metadata.name]);
      }
    });

    it('streams the answer as text parts and ends with one finish part', async () => {
      const upstream = await start({ kind: 'answer', answer });
      const { parts, error } = await readParts(upstream.provider.createAsyncGenerator(request));
      expect(error).toBeUndefined();
      const deltas = parts.filter((part) => part.type === 'text-delta');
      expect(deltas.length).toBeGreaterThan(1);
      expect(parts.reduce(applyTextPart, '')).toBe(answer);
      expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
      expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
    });

    it('yields nothing after finish, even when asked again', async () => {
      const upstream = await start({ kind: 'answer', answer });
      const iterator = upstream.provider.createAsyncGenerator(request)[Symbol.asyncIterator]();
      let result = await iterator.next();
      while (!result.done && result.value.type !== 'finish') result = await iterator.next();
      expect(result.done).toBe(false);
      expect(await iterator.next()).toEqual({ done: true, value: undefined });
    });

    it('settles with AbortError and closes the connection when aborted mid-stream', async () => {
      const upstream = await start({ kind: 'slow-answer', answer });
      const controller = new AbortController();
      const closed = upstream.waitForConnectionClose();
      const reading = readParts(upstream.provider.createAsyncGenerator(request, { signal: controller.signal }), {
        onPart: (part) => {
          if (part.type === 'text-delta') controller.abort();
        },
      });
      const { parts, error } = await settleWithin(reading, settleLimitMs, 'the aborted stream');
      expect(AbortError.isInstance(error)).toBe(true);
      expect(parts.some((part) => part.type === 'finish')).toBe(false);
      await settleWithin(closed, settleLimitMs, 'the upstream connection close');
    });

    it('closes the connection when the consumer breaks out of the loop', async () => {
      const upstream = await start({ kind: 'slow-answer', answer });
      const closed = upstream.waitForConnectionClose();
      for await (const part of upstream.provider.createAsyncGenerator(request)) {
        if (part.type === 'text-delta') break;
      }
      await settleWithin(closed, settleLimitMs, 'the upstream connection close');
    });

    it('rejects an already aborted signal without streaming', async () => {
      const upstream = await start({ kind: 'answer', answer });
      const { parts, error } = await readParts(
        upstream.provider.createAsyncGenerator(request, { signal: AbortSignal.abort() }),
      );
      expect(AbortError.isInstance(error)).toBe(true);
      expect(parts.filter((part) => part.type === 'text-delta')).toEqual([]);
    });

    const failures = Object.entries(options.failures) as Array<[ConformanceFailure, string]>;
    it.each(failures)('maps the upstream failure "%s" to the typed error %s', async (failure, code) => {
      const upstream = await start({ kind: 'failure', failure });
      const { parts, error } = await settleWithin(
        readParts(upstream.provider.createAsyncGenerator(request)),
        settleLimitMs,
        `the ${failure} failure`,
      );
      expect(SwitchboardError.isInstance(error)).toBe(true);
      expect((error as SwitchboardError).code).toBe(code);
      expect((error as SwitchboardError).provider).toBe(metadata.name);
      expect((error as SwitchboardError).model).toBe(metadata.defaultModel);
      expect(parts.some((part) => part.type === 'finish')).toBe(false);
    });
  });
}

function metadataOf(options: ProviderConformanceOptions): ProviderMetadata {
  const metadata = options.metadata ?? findProviderMetadata(options.providerClass);
  if (metadata === undefined) {
    throw new Error(`${options.providerClass.name} has no metadata: pass "metadata" or decorate the class with @RegisterProvider.`);
  }
  return metadata;
}

