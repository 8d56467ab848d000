import type { DiffEdit } from '@switchboard/gradio';
import type { AppCallContext, AppFunction, AppYield } from './gradio-app.js';

/** One yield of a function, its values checked against the outputs. */
export interface AppStep {
  values: readonly unknown[];
  /** Per output, the edits from the previous yield, when the app gave them. */
  edits?: DiffEdit[][];
}

function checkedValues(values: unknown, outputCount: number): readonly unknown[] {
  if (!Array.isArray(values) || values.length !== outputCount) {
    const got = Array.isArray(values) ? `${values.length} values` : typeof values;
    throw new TypeError(`the function must produce ${outputCount} output values, got ${got}`);
  }
  return values;
}

function toStep(item: AppYield, outputCount: number): AppStep {
  if (Array.isArray(item)) return { values: checkedValues(item, outputCount) };
  const { values, edits } = item as { values: readonly unknown[]; edits?: DiffEdit[][] };
  return { values: checkedValues(values, outputCount), edits };
}

/**
 * Calls `fn` on `inputs`: yields each step of a generator function and returns nothing, or
 * yields nothing and returns the values of a plain function. Throws what the function
 * throws, and a `TypeError` for a result that does not match its outputs.
 */
export async function* callAppFunction(
  fn: AppFunction,
  inputs: unknown[],
  context: AppCallContext,
): AsyncGenerator<AppStep, readonly unknown[] | undefined> {
  const outputCount = fn.outputs.length;
  if (!fn.generator) return checkedValues(await fn.run(inputs, context), outputCount);
  for await (const item of fn.run(inputs, context)) yield toStep(item, outputCount);
  return undefined;
}
