import { startGradioEmulator, type EmulatorFault } from '@switchboard/testing';
import { runProviderConformance, type ConformanceFailure } from '@switchboard/testing/conformance';
import { createQwen2_72BProvider } from './create-qwen2-72b-provider.js';
import { Qwen2_72BProvider } from './qwen2-72b-provider.js';

const faults: Record<ConformanceFailure, EmulatorFault> = {
  'queue-full': { kind: 'queue-full' },
  'server-error': { kind: 'join-status', status: 500, body: 'Internal Server Error' },
  'app-error': { kind: 'app-error', message: null },
  truncated: { kind: 'drop-connection', afterTokens: 2 },
  malformed: { kind: 'malformed-json', afterTokens: 1 },
};

runProviderConformance({
  providerClass: Qwen2_72BProvider,
  async start(scenario) {
    const emulator = await startGradioEmulator(
      scenario.kind === 'failure'
        ? { answer: 'A partial answer before the failure.', tokenSize: 4, fault: faults[scenario.failure] }
        : { answer: scenario.answer, tokenSize: 4, tokenDelayMs: scenario.kind === 'slow-answer' ? 30 : 0 },
    );
    return {
      provider: createQwen2_72BProvider({ baseUrl: emulator.url }),
      waitForConnectionClose: () => emulator.waitForStreamClose(),
      close: () => emulator.close(),
    };
  },
  failures: {
    'queue-full': 'QUEUE_FULL',
    'server-error': 'UPSTREAM_HTTP',
    'app-error': 'GRADIO_APP',
    truncated: 'STREAM_TRUNCATED',
    malformed: 'PROTOCOL',
  },
});
