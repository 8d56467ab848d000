import { runProviderConformance } from '../src/conformance/index.js';
import { chatFailureCodes } from './support/chat-failure-codes.js';
import { HttpChatProvider, httpChatMetadata } from './support/http-chat-provider.js';
import { startChatUpstream } from './support/http-chat-upstream.js';

runProviderConformance({
  providerClass: HttpChatProvider,
  metadata: httpChatMetadata,
  start: (scenario) => startChatUpstream(scenario),
  failures: chatFailureCodes,
});
