import type { MaybePromise } from '../spec/routing-store.js';

/** Whether a store's answer is a promise (a remote store) rather than the value itself. */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

/**
 * `transform` applied to the value, at once when it is there; a promise that rejects
 * gives `fallback` instead, so a faulty store cannot fail a request.
 */
export function mapMaybePromise<T, R>(value: MaybePromise<T>, transform: (value: T) => R, fallback: () => R): MaybePromise<R> {
  return isPromise(value) ? value.then(transform, fallback) : transform(value);
}
