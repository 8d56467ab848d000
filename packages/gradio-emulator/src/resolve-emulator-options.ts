import type { GradioApp } from './gradio-app.js';
import type { EmulatorFault, GradioEmulatorOptions } from './emulator-options.js';

/** Emulator options with every default applied. */
export interface ResolvedEmulatorOptions {
  app: GradioApp;
  tokenDelayMs: number;
  queue: { waitMs: number; updates: number; rank: number; queueSize: number; etaSeconds: number | null };
  heartbeatIntervalMs: number;
  faultFor: (requestNumber: number) => EmulatorFault | undefined;
  maxQueueSize: number | undefined;
}

export function resolveEmulatorOptions(options: GradioEmulatorOptions): ResolvedEmulatorOptions {
  const { app, fault, queue = {} } = options;
  if (typeof app !== 'object' || app === null || !Array.isArray(app.functions) || !Array.isArray(app.components)) {
    throw new TypeError('startGradioEmulator needs the app to serve: pass { app: { components, functions } }.');
  }
  const rank = queue.rank ?? 0;
  return {
    app,
    tokenDelayMs: Math.max(0, options.tokenDelayMs ?? 0),
    queue: {
      waitMs: Math.max(0, queue.waitMs ?? 0),
      updates: Math.max(0, Math.floor(queue.updates ?? 0)),
      rank,
      queueSize: queue.queueSize ?? rank + 1,
      etaSeconds: queue.etaSeconds ?? null,
    },
    heartbeatIntervalMs: Math.max(1, options.heartbeatIntervalMs ?? 15_000),
    faultFor: typeof fault === 'function' ? fault : () => fault,
    maxQueueSize: options.maxQueueSize,
  };
}
