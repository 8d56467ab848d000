import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { StreamPart } from '@switchboard/core';
import type { RoutedCall } from './routed-call.js';
import type { StreamPartTranslator } from './stream-part-translator.js';

/**
 * The AI SDK stream of a routed call whose first part (`first`) was already read. Parts are
 * pulled from the registry only as fast as the consumer reads; cancelling the stream stops
 * the request and closes the upstream.
 */
export function createLanguageModelStream(
  call: RoutedCall,
  translator: StreamPartTranslator,
  first: IteratorResult<StreamPart, undefined>,
): ReadableStream<LanguageModelV4StreamPart> {
  let pending: IteratorResult<StreamPart, undefined> | undefined = first;
  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      for (const part of translator.start()) controller.enqueue(part);
    },
    async pull(controller) {
      for (;;) {
        let result: IteratorResult<StreamPart, undefined>;
        try {
          result = pending ?? (await call.next());
          pending = undefined;
        } catch (thrown) {
          const failure = translator.fail(thrown);
          if (failure.type === 'error') return controller.error(failure.error);
          for (const part of failure.parts) controller.enqueue(part);
          return controller.close();
        }
        if (result.done) {
          for (const part of translator.end()) controller.enqueue(part);
          return controller.close();
        }
        const parts = translator.translate(result.value);
        for (const part of parts) controller.enqueue(part);
        if (parts.length > 0) return;
      }
    },
    cancel(reason) {
      return call.close(reason);
    },
  });
}
