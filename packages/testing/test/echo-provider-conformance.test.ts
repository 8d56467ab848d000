import { runProviderConformance } from '../src/conformance/index.js';
import { EchoProvider, echoMetadata } from './support/echo-provider.js';

const inProcess = 'an in-process provider has no upstream that could';

runProviderConformance({
  providerClass: EchoProvider,
  metadata: echoMetadata,
  start(scenario) {
    const lastTurn = { role: 'user' as const, content: scenario.answer };
    return { provider: new EchoProvider(), request: { ...scenario.request, messages: [lastTurn] } };
  },
  skip: {
    'queue-full': `${inProcess} have a queue`,
    'server-error': `${inProcess} answer an HTTP error`,
    'app-error': `${inProcess} report a failure`,
    truncated: `${inProcess} cut the stream`,
    malformed: `${inProcess} send malformed data`,
    'connection-refused': `${inProcess} refuse a connection`,
    'connection-close': 'an in-process provider opens no connection',
  },
});
