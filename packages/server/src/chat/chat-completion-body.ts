import { z } from 'zod';

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish();

const contentPart = z.looseObject({ type: z.string(), text: z.unknown().optional() });

const message = z.looseObject({
  role: z.string(),
  content: nullable(z.union([z.string(), z.array(contentPart)])),
  name: nullable(z.string()),
  tool_calls: nullable(z.array(z.unknown())),
});

/**
 * The body of `POST /v1/chat/completions` as far as the gateway reads it. Unknown fields
 * are kept (and ignored) so newer clients are not refused; fields it cannot serve are
 * checked afterwards, see `toChatRequest`.
 */
export const chatCompletionBody = z.looseObject({
  model: z.string(),
  messages: z.array(message).min(1, 'must list at least one message'),
  stream: nullable(z.boolean()),
  stream_options: nullable(z.looseObject({ include_usage: nullable(z.boolean()) })),
  provider: nullable(z.string().min(1)),
  temperature: nullable(z.number().min(0).max(2)),
  top_p: nullable(z.number().gt(0).max(1)),
  max_tokens: nullable(z.number().int().positive()),
  max_completion_tokens: nullable(z.number().int().positive()),
  stop: nullable(z.union([z.string(), z.array(z.string())])),
  seed: nullable(z.number().int()),
  n: nullable(z.number().int().min(1)),
  presence_penalty: nullable(z.number().min(-2).max(2)),
  frequency_penalty: nullable(z.number().min(-2).max(2)),
  logit_bias: nullable(z.record(z.string(), z.number())),
  logprobs: nullable(z.boolean()),
  top_logprobs: nullable(z.number().int().min(0)),
  tools: nullable(z.array(z.unknown())),
  functions: nullable(z.array(z.unknown())),
  tool_choice: z.unknown().optional(),
  function_call: z.unknown().optional(),
  response_format: nullable(z.looseObject({ type: z.string() })),
  modalities: nullable(z.array(z.string())),
  audio: z.unknown().optional(),
});

/** A chat completion body that passed the schema. */
export type ChatCompletionBody = z.infer<typeof chatCompletionBody>;

/** One message of a {@link ChatCompletionBody}. */
export type ChatCompletionMessage = ChatCompletionBody['messages'][number];
