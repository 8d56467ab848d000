import { InvalidRequestError, ProviderNotFoundError, type ChatRequest, type GenerationSetting } from '@switchboard/core';
import type { GatewayRegistry } from '../gateway-options.js';
import type { ChatCompletionBody } from './chat-completion-body.js';
import { refuseUnsupportedParams } from './refuse-unsupported-params.js';
import { splitModelName } from './split-model-name.js';
import { toChatMessages } from './to-chat-messages.js';

/** A chat completion body translated for the registry. */
export interface ChatCompletionCall {
  request: ChatRequest;
  /** The model name as the client sent it, echoed in responses (empty: the registry's default). */
  requestedModel: string;
  stream: boolean;
  includeUsage: boolean;
  /** The OpenAI parameter each generation setting came from, e.g. `maxOutputTokens` → `max_tokens`. */
  settingParams: Partial<Record<GenerationSetting, string>>;
  /** OpenAI parameters no provider applies (penalties, logit bias...), reported as ignored. */
  ignoredParams: string[];
}

const alwaysIgnored = ['presence_penalty', 'frequency_penalty', 'logit_bias', 'reasoning_effort', 'prediction'] as const;

/**
 * Builds the registry request: roles and content mapped, generation settings copied,
 * `provider` (or a `provider/model` name) pinned after checking that the provider exists.
 * Throws `InvalidRequestError` or `ProviderNotFoundError` for what cannot be served.
 */
export function toChatRequest(body: ChatCompletionBody, registry: GatewayRegistry): ChatCompletionCall {
  refuseUnsupportedParams(body);
  const messages = toChatMessages(body.messages);
  const split = splitModelName(body.model, (name) => registry.has(name));
  const provider = pinnedProvider(body.provider ?? undefined, split.provider);
  if (provider !== undefined && !registry.has(provider)) {
    throw new ProviderNotFoundError(provider, registry.list().map((metadata) => metadata.name));
  }
  const settingParams: Partial<Record<GenerationSetting, string>> = {};
  const request: ChatRequest = { messages };
  if (split.model !== '') request.model = split.model;
  if (provider !== undefined) request.provider = provider;
  const maxTokensParam = body.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
  const settings: Array<[GenerationSetting, string, unknown]> = [
    ['temperature', 'temperature', body.temperature],
    ['topP', 'top_p', body.top_p],
    ['maxOutputTokens', maxTokensParam, body.max_completion_tokens ?? body.max_tokens],
    ['stop', 'stop', typeof body.stop === 'string' ? [body.stop] : body.stop],
    ['seed', 'seed', body.seed],
  ];
  for (const [setting, param, value] of settings) {
    if (value === undefined || value === null) continue;
    (request as unknown as Record<string, unknown>)[setting] = value;
    settingParams[setting] = param;
  }
  return {
    request,
    requestedModel: body.model,
    stream: body.stream === true,
    includeUsage: body.stream === true && body.stream_options?.include_usage === true,
    settingParams,
    ignoredParams: alwaysIgnored.filter((param) => isSet(body[param])),
  };
}

function pinnedProvider(fromBody: string | undefined, fromModel: string | undefined): string | undefined {
  if (fromBody !== undefined && fromModel !== undefined && fromBody !== fromModel) {
    throw new InvalidRequestError(
      `"provider" is ${JSON.stringify(fromBody)} but the model name pins ${JSON.stringify(fromModel)}; name one provider.`,
      { param: 'provider' },
    );
  }
  return fromBody ?? fromModel;
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === 0 || value === '') return false;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
