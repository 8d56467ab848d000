import type { EmulatorFault } from '@switchboard/gradio-emulator';
import { runProviderConformance, type ConformanceFailure, type ConformanceScenario } from '@switchboard/testing/conformance';
import { createQwen2_72BProvider } from './create-qwen2-72b-provider.js';
import { Qwen2_72BProvider } from './qwen2-72b-provider.js';
import { startQwenSpaceEmulator } from './testing/index.js';

const faults: Record<Exclude<ConformanceFailure, 'connection-refused'>, EmulatorFault> = {
  'queue-full': { kind: 'queue-full' },
  'server-error': { kind: 'join-status', status: 500, body: 'Internal Server Error' },
  'app-error': { kind: 'app-error', message: null },
  truncated: { kind: 'drop-connection', afterTokens: 2 },
  malformed: { kind: 'malformed-json', afterTokens: 1 },
};

function faultFor(scenario: ConformanceScenario): EmulatorFault | undefined {
  if (scenario.kind === 'stall') return { kind: 'stall', afterTokens: 2 };
  if (scenario.kind === 'failure' && scenario.failure !== 'connection-refused') return faults[scenario.failure];
  return undefined;
}

runProviderConformance({
  providerClass: Qwen2_72BProvider,
  async start(scenario) {
    const emulator = await startQwenSpaceEmulator({ answer: scenario.answer, tokenSize: 4, fault: faultFor(scenario) });
    const connectionClosed = emulator.waitForStreamClose();
    if (scenario.kind === 'failure' && scenario.failure === 'connection-refused') await emulator.close();
    return { provider: createQwen2_72BProvider({ baseUrl: emulator.url }), connectionClosed, close: () => emulator.close() };
  },
  failures: {
    'queue-full': 'QUEUE_FULL',
    'server-error': 'UPSTREAM_HTTP',
    'app-error': 'GRADIO_APP',
    truncated: 'STREAM_TRUNCATED',
    malformed: 'PROTOCOL',
    'connection-refused': 'CONNECTION',
  },
});
