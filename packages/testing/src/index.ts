export { EmulatorPool } from './emulator/emulator-pool.js';
export { startGradioEmulator } from './emulator/start-gradio-emulator.js';
export type {
  EmulatedGradioVersion,
  EmulatorAnswer,
  EmulatorFault,
  EmulatorQueueOptions,
  GradioEmulator,
  GradioEmulatorOptions,
  RecordedRequest,
} from './emulator/emulator-options.js';
export { startConnectProxy, type ConnectProxy } from './proxy/start-connect-proxy.js';
