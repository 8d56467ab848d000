import type { EmulatorFault } from '@switchboard/gradio-emulator';

type FaultKind = EmulatorFault['kind'];

/**
 * The error codes each injected fault may surface as, whether it ends the request alone or
 * as one provider's cause in `AllProvidersFailedError`. Anything else is a mapping bug.
 */
export const expectedCodes: Readonly<Record<FaultKind, readonly string[]>> = {
  'queue-full': ['QUEUE_FULL'],
  'join-status': ['UPSTREAM_HTTP'],
  'app-error': ['GRADIO_APP'],
  'unexpected-error': ['GRADIO_APP'],
  'drop-connection': ['STREAM_TRUNCATED'],
  'malformed-json': ['PROTOCOL'],
  'close-stream-early': ['STREAM_TRUNCATED'],
  stall: ['TIMEOUT'],
  'oversized-event': ['PROTOCOL'],
};

/** A small deterministic random number generator (mulberry32), so a failing soak can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fault for each join: none for about 60%, the rest spread over the kinds the provider must map. */
export function randomFaults(seed: number): (joinNumber: number) => EmulatorFault | undefined {
  const random = seededRandom(seed);
  return () => {
    const roll = random();
    const afterTokens = Math.floor(random() * 4);
    if (roll < 0.6) return undefined;
    if (roll < 0.66) return { kind: 'queue-full' };
    if (roll < 0.72) return { kind: 'join-status', status: 500, body: 'Internal Server Error' };
    if (roll < 0.78) return { kind: 'app-error', message: null, afterTokens };
    if (roll < 0.84) return { kind: 'unexpected-error', message: 'Server stopped', afterTokens };
    if (roll < 0.91) return { kind: 'drop-connection', afterTokens };
    if (roll < 0.97) return { kind: 'malformed-json', afterTokens };
    if (roll < 0.99) return { kind: 'close-stream-early', afterTokens };
    return { kind: 'stall', afterTokens };
  };
}
