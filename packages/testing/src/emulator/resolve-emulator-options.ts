import type { EmulatorAnswer, EmulatorFault, GradioEmulatorOptions } from './emulator-options.js';
import { splitAnswer } from './split-answer.js';

/** Emulator options with every default applied. */
export interface ResolvedEmulatorOptions {
  answer: EmulatorAnswer;
  tokens: (answer: string) => string[];
  tokenDelayMs: number;
  queue: { waitMs: number; updates: number; rank: number; queueSize: number; etaSeconds: number | null };
  heartbeatIntervalMs: number;
  tidyWhitespace: boolean;
  faultFor: (requestNumber: number) => EmulatorFault | undefined;
  maxQueueSize: number | undefined;
  prerender: boolean;
}

/** The answer used when none is configured: short, and derived from the query only. */
export function defaultAnswer(query: string): string {
  return `Hello! You asked: ${query}`;
}

export function resolveEmulatorOptions(options: GradioEmulatorOptions): ResolvedEmulatorOptions {
  const { answer, fault, queue = {} } = options;
  const rank = queue.rank ?? 0;
  return {
    answer: typeof answer === 'function' ? answer : typeof answer === 'string' ? () => answer : defaultAnswer,
    tokens: options.tokens ?? ((text) => splitAnswer(text, options.tokenSize ?? 4)),
    tokenDelayMs: Math.max(0, options.tokenDelayMs ?? 0),
    queue: {
      waitMs: Math.max(0, queue.waitMs ?? 0),
      updates: Math.max(0, Math.floor(queue.updates ?? 0)),
      rank,
      queueSize: queue.queueSize ?? rank + 1,
      etaSeconds: queue.etaSeconds ?? null,
    },
    heartbeatIntervalMs: Math.max(1, options.heartbeatIntervalMs ?? 15_000),
    tidyWhitespace: options.tidyWhitespace ?? true,
    faultFor: typeof fault === 'function' ? fault : () => fault,
    maxQueueSize: options.maxQueueSize,
    prerender: options.prerender ?? false,
  };
}
