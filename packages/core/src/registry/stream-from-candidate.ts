import { annotateError } from '../errors/annotate-error.js';
import type { StreamOptions } from '../spec/chat-request.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ProviderCandidate } from '../spec/registry-types.js';
import type { StreamPart } from '../spec/stream-part.js';

/**
 * Streams one candidate with the model resolved to its canonical id. A failure is
 * rethrown with the provider, the model and the text streamed so far filled in.
 */
export async function* streamFromCandidate(
  candidate: ProviderCandidate,
  request: ChatRequest,
  options: StreamOptions,
): AsyncGenerator<StreamPart> {
  let text = '';
  try {
    const parts = candidate.provider.createAsyncGenerator({ ...request, model: candidate.model }, { signal: options.signal });
    for await (const part of parts) {
      if (part.type === 'text-delta') text += part.text;
      else if (part.type === 'text-revision') text = part.text;
      yield part;
    }
  } catch (error) {
    throw annotateError(error, { provider: candidate.metadata.name, model: candidate.model, partialText: text });
  }
}
