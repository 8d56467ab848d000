import type { ProviderMetadata } from '@switchboard/core';

/** What the Qwen2-72B-Instruct Space provider declares about itself. */
export const qwen2_72bMetadata: ProviderMetadata = {
  name: 'Qwen_Qwen_2_72B',
  label: 'Qwen Qwen-2.72B',
  url: 'https://qwen-qwen2-72b-instruct.hf.space',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: true,
  supportsMessageHistory: true,
  defaultModel: 'qwen-qwen2-72b-instruct',
  models: ['qwen-qwen2-72b-instruct'],
  modelAliases: { 'qwen-2-72b': 'qwen-qwen2-72b-instruct' },
  supportedSettings: [],
};
