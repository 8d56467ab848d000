export { chatbotPairs, chatbotReply, type ChatbotPair, type ChatbotReplyOptions, type ChatbotReplyStep } from './chatbot-reply.js';
export {
  buttonComponent,
  chatbotComponent,
  chatbotSchema,
  layoutBlock,
  markdownComponent,
  textboxComponent,
} from './component-builders.js';
export type {
  EmulatedGradioVersion,
  EmulatorFault,
  EmulatorQueueOptions,
  GradioEmulator,
  GradioEmulatorOptions,
  RecordedRequest,
} from './emulator-options.js';
export { EmulatorPool } from './emulator-pool.js';
export type {
  AppCallContext,
  AppComponent,
  AppFunction,
  AppYield,
  ComponentApi,
  GeneratorAppFunction,
  GradioApp,
  LayoutNode,
  PlainAppFunction,
} from './gradio-app.js';
export { splitText } from './split-text.js';
export { startGradioEmulator } from './start-gradio-emulator.js';
