import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayRegistry } from '../gateway-options.js';

const circuitStateValues = { closed: 0, 'half-open': 1, open: 2 } as const;

/**
 * The gateway's Prometheus metrics, on a prom-client registry of its own (never the global
 * one), so several gateways can live in one process.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'route' | 'method' | 'status'>;
  readonly #errors: Counter<'route' | 'code'>;
  readonly #timeToFirstToken: Histogram<'provider'>;

  constructor(providers: GatewayRegistry, openStreams: () => number) {
    const registers = [this.registry];
    this.#requests = new Counter({
      name: 'switchboard_http_requests_total',
      help: 'HTTP requests answered, by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.#errors = new Counter({
      name: 'switchboard_errors_total',
      help: 'Requests that ended in an error (HTTP error or error event), by route and Switchboard error code.',
      labelNames: ['route', 'code'],
      registers,
    });
    this.#timeToFirstToken = new Histogram({
      name: 'switchboard_time_to_first_token_seconds',
      help: 'Time from the start of routing to the first text of the answer, by provider.',
      labelNames: ['provider'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
      registers,
    });
    new Gauge({
      name: 'switchboard_open_streams',
      help: 'Chat completions being served right now (streaming or not).',
      registers,
      collect() {
        this.set(openStreams());
      },
    });
    new Gauge({
      name: 'switchboard_provider_circuit_state',
      help: 'Circuit state of each provider: 0 closed, 1 half-open, 2 open.',
      labelNames: ['provider'],
      registers,
      collect() {
        for (const health of providers.health()) this.set({ provider: health.provider }, circuitStateValues[health.state]);
      },
    });
    new Gauge({
      name: 'switchboard_provider_in_flight',
      help: 'Requests holding one of a provider\'s concurrency slots (providers with maxConcurrency only).',
      labelNames: ['provider'],
      registers,
      collect() {
        for (const health of providers.health()) {
          if (health.inFlight !== undefined) this.set({ provider: health.provider }, health.inFlight);
        }
      },
    });
    new Gauge({
      name: 'switchboard_provider_waiting',
      help: 'Requests waiting in this process for one of a provider\'s concurrency slots.',
      labelNames: ['provider'],
      registers,
      collect() {
        for (const health of providers.health()) {
          if (health.waiting !== undefined) this.set({ provider: health.provider }, health.waiting);
        }
      },
    });
    new Gauge({
      name: 'switchboard_routing_store_connected',
      help: 'Whether the routing store answers (1) or local state stands in for it (0), by store kind and whether it is shared.',
      labelNames: ['kind', 'shared'],
      registers,
      collect() {
        const status = providers.storeStatus?.();
        if (status !== undefined) this.set({ kind: status.kind, shared: String(status.shared) }, status.connected ? 1 : 0);
      },
    });
  }

  /** Counts an answered request, and its error when it had one. */
  countRequest(route: string, method: string, status: number, errorCode: string | undefined): void {
    this.#requests.inc({ route, method, status: String(status) });
    if (errorCode !== undefined) this.#errors.inc({ route, code: errorCode });
  }

  observeTimeToFirstToken(provider: string, elapsedMs: number): void {
    this.#timeToFirstToken.observe({ provider }, elapsedMs / 1000);
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
