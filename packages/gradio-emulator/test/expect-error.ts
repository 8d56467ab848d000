import type { SwitchboardError } from '@switchboard/core';
import { expect } from 'vitest';

/** Asserts that `error` is a Switchboard error of `errorClass` and returns it typed. */
export function expectErrorOf<T extends SwitchboardError>(
  errorClass: { readonly prototype: T; isInstance(value: unknown): boolean },
  error: unknown,
): T {
  expect(errorClass.isInstance(error), String(error)).toBe(true);
  return error as T;
}
