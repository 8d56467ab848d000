import { getRegistry } from '@switchboard/core';
import { Qwen2_72BProvider } from '../../src/index.js';

const registry = getRegistry();
registry.configureProvider(Qwen2_72BProvider, { baseUrl: 'http://127.0.0.1:9/space/' });
const provider = registry.get('Qwen_Qwen_2_72B') as Qwen2_72BProvider;
process.stdout.write(
  JSON.stringify({
    paramTypes: Reflect.getMetadata('design:paramtypes', Qwen2_72BProvider) ?? null,
    baseUrl: provider.settings.baseUrl,
  }),
);
