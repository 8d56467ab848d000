import type { FastifyRequest } from 'fastify';
import type { GatewayOptions, GatewayRegistry } from './gateway-options.js';
import { ApiKeyCheck } from './http/api-key-check.js';
import { CorsPolicy } from './http/cors-policy.js';
import { GatewayMetrics } from './observability/gateway-metrics.js';
import { RequestRecord } from './observability/request-record.js';
import { CompletionTracker } from './runtime/completion-tracker.js';

/** Default largest request body: 1 MiB. */
export const defaultBodyLimitBytes = 1024 * 1024;

/** Everything the routes and hooks of one gateway share. */
export interface GatewayContext {
  registry: GatewayRegistry;
  apiKeys: ApiKeyCheck;
  cors: CorsPolicy;
  tracker: CompletionTracker;
  metrics: GatewayMetrics;
  bodyLimitBytes: number;
  keepAliveMs: number;
  closeGraceMs: number;
  /** The record of a request, created by the gateway's `onRequest` hook. */
  recordOf(request: FastifyRequest): RequestRecord;
  /** Creates the record of a request. */
  track(request: FastifyRequest, requestId: string): RequestRecord;
}

/** The shared state of a gateway built from its options (defaults filled in). */
export function createGatewayContext(options: GatewayOptions): GatewayContext {
  if (options?.registry === undefined) {
    throw new TypeError('createGateway needs a registry: createGateway({ registry: getRegistry() }) or one from createRegistry().');
  }
  const records = new WeakMap<FastifyRequest, RequestRecord>();
  const tracker = new CompletionTracker(options.maxConcurrentStreams ?? Infinity);
  return {
    registry: options.registry,
    apiKeys: new ApiKeyCheck(options.apiKeys ?? []),
    cors: new CorsPolicy(options.cors),
    tracker,
    metrics: new GatewayMetrics(options.registry, () => tracker.openCount),
    bodyLimitBytes: options.bodyLimitBytes ?? defaultBodyLimitBytes,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    closeGraceMs: options.closeGraceMs ?? 10_000,
    recordOf(request) {
      return records.get(request) ?? this.track(request, String(request.id));
    },
    track(request, requestId) {
      const record = new RequestRecord(requestId);
      records.set(request, record);
      return record;
    },
  };
}
