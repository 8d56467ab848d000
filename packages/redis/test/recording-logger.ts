import type { RoutingStoreLogger } from '../src/routing-store-logger.js';

/** A logger that keeps its lines, each prefixed with its level. */
export function recordingLogger(): RoutingStoreLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
  };
}
