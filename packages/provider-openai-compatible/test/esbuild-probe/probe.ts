import { RegisterProvider, createRegistry, getRegistry } from '@switchboard/core';
import { OpenAICompatibleProvider, openAICompatibleMetadata } from '../../src/index.js';

@RegisterProvider(openAICompatibleMetadata({ name: 'ProbeOllama', url: 'http://127.0.0.1:9/v1', models: ['probe-model'] }))
class ProbeOllama extends OpenAICompatibleProvider {}

getRegistry().configureProvider(ProbeOllama, { baseUrl: 'http://127.0.0.1:9/configured/', apiKey: 'probe-key' });
const isolated = createRegistry();
isolated.register(ProbeOllama, undefined, { settings: { baseUrl: 'http://127.0.0.1:9/isolated' } });
const fromGlobal = getRegistry().get('ProbeOllama') as ProbeOllama;
const fromIsolated = isolated.get('ProbeOllama') as ProbeOllama;
process.stdout.write(
  JSON.stringify({
    ownParamTypes: Reflect.getOwnMetadata('design:paramtypes', ProbeOllama) ?? null,
    global: { baseUrl: fromGlobal.settings.baseUrl, apiKey: fromGlobal.settings.apiKey },
    isolated: { baseUrl: fromIsolated.settings.baseUrl, apiKey: fromIsolated.settings.apiKey ?? null },
  }),
);
