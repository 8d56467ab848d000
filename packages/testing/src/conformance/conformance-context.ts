import { resolveModel, type ChatRequest, type ProviderMetadata } from '@switchboard/core';
import type { ConformanceFailure, ConformanceUpstream, ProviderConformanceOptions } from './conformance-harness.js';

/** The answer the suite asks upstreams for: several pieces long, with accents, CJK and an emoji. */
export const conformanceAnswer = 'Conformance answer: naïve café, 東京, 🦊 — several pieces long.';

/** One upstream started for a test, with what the suite sends to it and expects back. */
export interface StartedUpstream {
  upstream: ConformanceUpstream;
  request: ChatRequest;
  /** The final text the `answer` scenario must produce. */
  expectedText: string;
  /** The canonical model id the request resolves to, which errors must carry. */
  model: string;
}

/** What every group of checks shares: the metadata, the time limit, and a way to start upstreams. */
export interface ConformanceContext {
  metadata: ProviderMetadata;
  settleLimitMs: number;
  /**
   * Starts an upstream for a scenario. `extra` fields (generation settings) are added to the
   * scenario's request and kept on the request the harness returns.
   */
  start(scenario: { kind: 'answer' | 'stall' } | { kind: 'failure'; failure: ConformanceFailure }, extra?: Partial<ChatRequest>): Promise<StartedUpstream>;
  /** Closes every upstream started since the last call. */
  closeAll(): Promise<void>;
}

/** Builds the shared context: the default request, the answer asked for, and the upstreams to close after each test. */
export function createConformanceContext(options: ProviderConformanceOptions, metadata: ProviderMetadata): ConformanceContext {
  const started: ConformanceUpstream[] = [];
  return {
    metadata,
    settleLimitMs: options.settleLimitMs ?? 5_000,
    async start(scenario, extra = {}) {
      const request: ChatRequest = {
        model: metadata.defaultModel,
        messages: [{ role: 'user', content: 'Say the conformance answer.' }],
        ...extra,
      };
      const upstream = await options.start({ ...scenario, request, answer: conformanceAnswer });
      started.push(upstream);
      const sent = upstream.request === undefined ? request : { ...upstream.request, ...extra };
      return {
        upstream,
        request: sent,
        expectedText: upstream.expectedText ?? conformanceAnswer,
        model: resolveModel(metadata, sent.model),
      };
    },
    async closeAll() {
      const results = await Promise.allSettled(started.splice(0).map((upstream) => upstream.close?.()));
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
    },
  };
}
