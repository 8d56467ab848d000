export {
  runBundledProbe,
  type BundledProbeOptions,
  type ProbeBuildOptions,
  type ProbeBundler,
} from './bundled-probe/run-bundled-probe.js';
export { drained } from './loopback/drained.js';
export { listenOnLoopback, type LoopbackHandler, type LoopbackServer, type LoopbackServerOptions } from './loopback/listen-on-loopback.js';
export { ResponseTracker, type TrackedResponse } from './loopback/response-tracker.js';
export { waitUnlessAborted } from './loopback/wait-unless-aborted.js';
export { startConnectProxy, type ConnectProxy } from './proxy/start-connect-proxy.js';
export { startOpenAIEmulator } from './openai-emulator/start-openai-emulator.js';
export {
  openAIEmulatorConformanceUpstream,
  type OpenAIEmulatorClient,
  type OpenAIEmulatorConformanceOptions,
  type OpenAIEmulatorConformanceUpstream,
} from './openai-emulator/openai-emulator-conformance-upstream.js';
export type {
  OpenAIChatRequestBody,
  OpenAIEmulator,
  OpenAIEmulatorAnswer,
  OpenAIEmulatorFault,
  OpenAIEmulatorOptions,
  OpenAIEmulatorQuirks,
  RecordedOpenAIRequest,
} from './openai-emulator/openai-emulator-options.js';
export { startScriptedServer } from './scripted-server/start-scripted-server.js';
export type {
  ScriptedReply,
  ScriptedReplyHead,
  ScriptedRequest,
  ScriptedRoute,
  ScriptedServer,
  ScriptedServerOptions,
  SseStep,
} from './scripted-server/scripted-server-options.js';
export { createFakeProvider, fail, finish, hang, queued, started, text } from '@switchboard/core/testing';
export type { FakeCall, FakeProvider, FakeProviderOptions, FakeStep } from '@switchboard/core/testing';
