import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';

const samplingOptions = ['topK', 'presencePenalty', 'frequencyPenalty'] as const;

/**
 * Warnings for call options a Switchboard request cannot carry. Following the AI SDK's
 * convention, settings the model cannot honour are reported and the call goes on with text
 * generation; only prompt content that cannot be represented is an error. `headers` apply
 * to HTTP-based models only and are ignored, as the AI SDK specifies.
 */
export function callOptionWarnings(options: LanguageModelV4CallOptions): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  for (const option of samplingOptions) {
    if (options[option] !== undefined) warnings.push({ type: 'unsupported', feature: option });
  }
  if (options.responseFormat?.type === 'json') {
    warnings.push({
      type: 'unsupported',
      feature: 'responseFormat',
      details: 'Switchboard providers answer in free text; JSON output is neither requested from the upstream nor enforced.',
    });
  }
  if (options.tools !== undefined && options.tools.length > 0) {
    warnings.push({ type: 'unsupported', feature: 'tools', details: 'Switchboard providers cannot call tools; the tools were not sent.' });
  }
  if (options.toolChoice?.type === 'required' || options.toolChoice?.type === 'tool') {
    warnings.push({ type: 'unsupported', feature: 'toolChoice', details: 'No tool call can be forced; the model answers in text.' });
  }
  if (options.reasoning !== undefined && options.reasoning !== 'provider-default') {
    warnings.push({ type: 'unsupported', feature: 'reasoning' });
  }
  return warnings;
}
