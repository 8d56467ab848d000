import {
  AbortError,
  getLastUserMessage,
  resolveModel,
  type ChatProvider,
  type ChatRequest,
  type ProviderMetadata,
  type StreamOptions,
  type StreamPart,
} from '@switchboard/core';
import { splitIntoPieces } from './split-into-pieces.js';

/** Metadata of {@link EchoProvider}. */
export const echoMetadata: ProviderMetadata = {
  name: 'ConformanceEcho',
  label: 'Echo (in process)',
  url: 'https://example.invalid/echo',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'echo-1',
  models: ['echo-1', 'echo-2'],
  modelAliases: { echo: 'echo-1', 'echo-latest': 'echo-2' },
};

/** An in-process provider with no network: it answers with the last user message, a few characters at a time. */
export class EchoProvider implements ChatProvider {
  async *createAsyncGenerator(request: ChatRequest, options: StreamOptions = {}): AsyncGenerator<StreamPart> {
    const model = resolveModel(echoMetadata, request.model);
    const prompt = getLastUserMessage(request.messages) ?? '';
    const pieces = splitIntoPieces(prompt, 5);
    for (const piece of pieces) {
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new AbortError(options.signal.reason, { provider: echoMetadata.name, model });
      yield { type: 'text-delta', text: piece };
    }
    yield { type: 'finish', reason: 'stop', usage: { inputTokens: pieces.length, outputTokens: pieces.length, source: 'estimated' } };
  }
}
