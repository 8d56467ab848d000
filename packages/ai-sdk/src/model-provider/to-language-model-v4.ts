import type { LanguageModelV2, LanguageModelV3, LanguageModelV4 } from '@ai-sdk/provider';
import { ProviderRegistrationError } from '@switchboard/core';

/** An AI SDK language model of any specification version the AI SDK itself accepts. */
export type AnyLanguageModel = LanguageModelV4 | LanguageModelV3 | LanguageModelV2;

const versions = new Set(['v4', 'v3', 'v2']);

/** Throws `ProviderRegistrationError` unless `model` is an AI SDK language model of version v4, v3 or v2. */
export function checkLanguageModel(model: AnyLanguageModel): void {
  const version = (model as { specificationVersion?: unknown } | undefined)?.specificationVersion;
  if (typeof version !== 'string' || !versions.has(version) || typeof model.doStream !== 'function') {
    throw new ProviderRegistrationError(
      `Expected an AI SDK language model (specificationVersion "v4", "v3" or "v2" with doStream), got ${JSON.stringify(version ?? null)}.`,
    );
  }
}

/**
 * The model as a V4 model: itself when it is one, else wrapped by the AI SDK's own adapter
 * (`wrapLanguageModel` of the `ai` package, with no middleware), loaded on first use.
 */
export async function toLanguageModelV4(model: AnyLanguageModel): Promise<LanguageModelV4> {
  if (model.specificationVersion === 'v4') return model;
  const { wrapLanguageModel } = await import('ai');
  return wrapLanguageModel({ model, middleware: [] });
}
