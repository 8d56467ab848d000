import type { JSONObject, LanguageModelV4GenerateResult, SharedV4Warning } from '@ai-sdk/provider';
import { applyTextPart, type ChatRequest, type FinishPart } from '@switchboard/core';
import type { RoutedCall } from './routed-call.js';
import type { SwitchboardResponseMetadata } from './switchboard-metadata.js';
import { toAISDKError } from './to-ai-sdk-error.js';
import { toAISDKWarning } from './to-ai-sdk-warning.js';
import { toFinishReason } from './to-finish-reason.js';
import { toUsage } from './to-usage.js';

/** Identifies the response of a `doGenerate` call. */
export interface GenerateContext {
  request: ChatRequest;
  callWarnings: SharedV4Warning[];
  responseId: string;
  timestamp: Date;
}

/**
 * Reads a routed call to its end and returns the AI SDK result: the final answer with every
 * revision applied as one text part, the finish reason, usage, every warning, and which
 * provider answered. A failure is thrown as the AI SDK error (see `toAISDKError`), the partial
 * text in its `data`.
 */
export async function generateFromRegistry(call: RoutedCall, context: GenerateContext): Promise<LanguageModelV4GenerateResult> {
  let text = '';
  let finish: FinishPart | undefined;
  try {
    for (let result = await call.next(); !result.done; result = await call.next()) {
      text = applyTextPart(text, result.value);
      if (result.value.type === 'finish') finish = result.value;
    }
  } catch (error) {
    throw toAISDKError(error, context.request);
  }
  const usageSource = finish?.usage?.source;
  const metadata: SwitchboardResponseMetadata = { ...call.tracker.summary(), ...(usageSource === undefined ? {} : { usageSource }) };
  const modelId = call.tracker.model ?? context.request.model;
  return {
    content: text === '' ? [] : [{ type: 'text', text }],
    finishReason: toFinishReason(finish?.reason ?? 'stop'),
    usage: toUsage(finish?.usage),
    warnings: [...context.callWarnings, ...call.warnings.map(toAISDKWarning)],
    providerMetadata: { switchboard: metadata as unknown as JSONObject },
    request: { body: context.request },
    response: { id: context.responseId, timestamp: context.timestamp, ...(modelId ? { modelId } : {}) },
  };
}
