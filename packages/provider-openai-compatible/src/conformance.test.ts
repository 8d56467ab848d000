import { openAIEmulatorConformanceUpstream } from '@switchboard/testing';
import { runProviderConformance } from '@switchboard/testing/conformance';
import { defineOpenAICompatibleProvider } from './define-openai-compatible-provider.js';

const { providerClass, metadata } = defineOpenAICompatibleProvider({
  name: 'ConformanceOpenAICompatible',
  baseUrl: 'http://127.0.0.1:9/v1',
  models: ['conformance-model'],
  modelAliases: { conformance: 'conformance-model' },
});

runProviderConformance({
  providerClass,
  metadata,
  ...openAIEmulatorConformanceUpstream({ connect: (baseUrl) => new providerClass({ baseUrl }) }),
});
