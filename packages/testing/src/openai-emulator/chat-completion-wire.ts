/** Token counts as the Chat Completions protocol reports them. */
export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What every chunk of one streamed answer repeats. */
export interface ChunkHeader {
  id: string;
  created: number;
  model: string;
}

export function usageOf(promptTokens: number, completionTokens: number): WireUsage {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/** One `chat.completion.chunk` with a single choice; `usage` is added when not `undefined` (OpenAI sends `null`). */
export function completionChunk(
  header: ChunkHeader,
  delta: Record<string, unknown>,
  finishReason: string | null,
  usage?: WireUsage | null,
): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    ...header,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  if (usage !== undefined) chunk.usage = usage;
  return chunk;
}

/** The chunk OpenAI sends last when usage was asked for: no choices, only the counts. */
export function usageChunk(header: ChunkHeader, usage: WireUsage): Record<string, unknown> {
  return { ...header, object: 'chat.completion.chunk', choices: [], usage };
}

/** A whole non-streamed `chat.completion`. */
export function completion(header: ChunkHeader, content: string, finishReason: string | null, usage: WireUsage): Record<string, unknown> {
  return {
    ...header,
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage,
  };
}

/** An OpenAI error body: `{"error":{"message","type","param","code"}}`. */
export function openAIErrorBody(message: string, type: string, code: string | null = null): Record<string, unknown> {
  return { error: { message, type, param: null, code } };
}
