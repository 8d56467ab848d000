import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { openAIEmulatorConformanceUpstream } from '@switchboard/testing';
import { runProviderConformance } from '@switchboard/testing/conformance';
import { languageModelProvider } from './language-model-provider.js';

/** The AI SDK's own OpenAI-compatible model, pointed at `baseURL`. */
const openAICompatibleModel = (baseURL: string) =>
  createOpenAICompatible({ name: 'emulated', baseURL, includeUsage: true }).chatModel('emulated-model');

const { providerClass, metadata } = languageModelProvider(openAICompatibleModel('http://127.0.0.1:9/v1'), {
  name: 'AISDKOpenAICompatible',
  modelAliases: { emulated: 'emulated-model' },
});

runProviderConformance({
  providerClass,
  metadata,
  ...openAIEmulatorConformanceUpstream({
    connect: (baseUrl) => {
      const served = languageModelProvider(openAICompatibleModel(baseUrl), metadata);
      return new served.providerClass();
    },
    truncation: 'drop-connection',
  }),
});
