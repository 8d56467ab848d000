import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import {
  AbortError,
  ProtocolError,
  StreamTruncatedError,
  annotateError,
  raceAbort,
  resolveModel,
  type ChatRequest,
  type ProviderMetadata,
  type StreamPart,
} from '@switchboard/core';
import { toLanguageModelCallOptions } from './to-language-model-call-options.js';
import { toSettingWarnings } from './to-setting-warnings.js';
import { toSwitchboardError, type FailurePhase } from './to-switchboard-error.js';
import { toSwitchboardFinish } from './to-switchboard-finish.js';

/** One call of an AI SDK model on behalf of a Switchboard provider. */
export interface LanguageModelCall {
  /** The model, adapted to V4. */
  model: () => Promise<LanguageModelV4>;
  metadata: ProviderMetadata;
  request: ChatRequest;
  signal?: AbortSignal;
}

/**
 * Streams a Switchboard request from an AI SDK model: its settings warnings, its text deltas
 * and a finish part; reasoning, sources, files and metadata parts are left out. Failures are
 * thrown as Switchboard errors naming the provider, the model and the partial text. Aborting
 * the signal, or leaving the loop, aborts the model's call and cancels its stream.
 */
export async function* streamLanguageModel(call: LanguageModelCall): AsyncGenerator<StreamPart> {
  const { metadata, request, signal } = call;
  const context = { provider: metadata.name, model: resolveModel(metadata, request.model) };
  const controller = new AbortController();
  const unlink = follow(signal, controller);
  let text = '';
  let finished = false;
  let stream: ReadableStreamDefaultReader<LanguageModelV4StreamPart> | undefined;
  const failure = (error: unknown, phase: FailurePhase) =>
    signal?.aborted
      ? new AbortError(signal.reason, { ...context, partialText: text })
      : annotateError(toSwitchboardError(error, phase, context), { ...context, partialText: text });
  const settle = async <T>(promise: PromiseLike<T>, phase: FailurePhase): Promise<T> => {
    try {
      return await raceAbort(Promise.resolve(promise), controller.signal);
    } catch (error) {
      throw failure(error, phase);
    }
  };
  try {
    if (signal?.aborted) throw failure(signal.reason, 'call');
    const model = await settle(call.model(), 'call');
    const pending = Promise.resolve().then(() => model.doStream(toLanguageModelCallOptions(request, controller.signal)));
    const result = await settle(pending, 'call').catch((error: unknown) => {
      pending.then((late) => late.stream.cancel().catch(() => undefined), () => undefined);
      throw error;
    });
    stream = result.stream.getReader();
    for (;;) {
      const { done, value } = await settle(stream.read(), 'read');
      if (done) throw failure(new StreamTruncatedError("the model's stream ended without a finish part"), 'read');
      switch (value.type) {
        case 'stream-start':
          yield* toSettingWarnings(value.warnings, request, metadata.name);
          break;
        case 'text-delta':
          if (value.delta === '') break;
          text += value.delta;
          yield { type: 'text-delta', text: value.delta };
          break;
        case 'error':
          throw failure(value.error, 'error-part');
        case 'tool-call':
          if (value.providerExecuted === true) break;
          throw failure(new ProtocolError(`the model asked to call the tool "${value.toolName}"; Switchboard requests carry no tools.`), 'read');
        case 'finish': {
          const finish = toSwitchboardFinish(value.finishReason, value.usage);
          const reason = value.finishReason.raw ?? value.finishReason.unified;
          if (finish === undefined) throw failure(new StreamTruncatedError(`the model ended its answer with "${reason}"`), 'read');
          finished = true;
          yield finish;
          return;
        }
      }
    }
  } finally {
    unlink();
    if (!finished) controller.abort(new AbortError('The stream was closed before the answer finished.'));
    stream?.cancel().catch(() => undefined);
  }
}

function follow(source: AbortSignal | undefined, target: AbortController): () => void {
  if (source === undefined) return () => undefined;
  const onAbort = () => target.abort(source.reason);
  source.addEventListener('abort', onAbort, { once: true });
  return () => source.removeEventListener('abort', onAbort);
}
