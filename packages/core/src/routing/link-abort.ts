/** Makes `controller` abort, with the same reason, when `source` does; returns the unlink function. */
export function linkAbort(source: AbortSignal | undefined, controller: AbortController): () => void {
  if (source === undefined) return () => undefined;
  if (source.aborted) {
    controller.abort(source.reason);
    return () => undefined;
  }
  const onAbort = () => controller.abort(source.reason);
  source.addEventListener('abort', onAbort, { once: true });
  return () => source.removeEventListener('abort', onAbort);
}
