import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';

/** Token counts in the AI SDK's shape. */
export function usageOf(inputTokens: number | undefined, outputTokens: number | undefined): LanguageModelV4Usage {
  return {
    inputTokens: { total: inputTokens, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

/** A well-formed V4 stream: `stream-start`, one text block of `pieces`, then `finish` with `stop`. */
export function answerParts(pieces: readonly string[], usage = usageOf(5, pieces.length)): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: 'upstream-1', modelId: 'mock-model-id' },
    { type: 'text-start', id: 'txt-0' },
    ...pieces.map((delta): LanguageModelV4StreamPart => ({ type: 'text-delta', id: 'txt-0', delta })),
    { type: 'text-end', id: 'txt-0' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
  ];
}

/** A mock V4 model whose every call streams `parts`. */
export function streamingModel(parts: readonly LanguageModelV4StreamPart[], modelId = 'mock-model-id'): MockLanguageModelV4 {
  return new MockLanguageModelV4({ modelId, doStream: async () => ({ stream: convertArrayToReadableStream([...parts]) }) });
}

/**
 * A mock V4 model that streams `pieces` and then waits, honouring its abort signal: the
 * stream errors with the signal's reason when it aborts. `aborted` resolves then.
 */
export function stallingModel(pieces: readonly string[]) {
  let onAborted: () => void = () => undefined;
  const aborted = new Promise<void>((resolve) => (onAborted = resolve));
  const model = new MockLanguageModelV4({
    doStream: async ({ abortSignal }) => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          for (const part of answerParts(pieces).slice(0, 3 + pieces.length)) controller.enqueue(part);
          abortSignal?.addEventListener('abort', () => {
            controller.error(abortSignal.reason);
            onAborted();
          });
        },
      }),
    }),
  });
  return { model, aborted };
}
