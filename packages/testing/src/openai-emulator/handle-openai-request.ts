import type { IncomingMessage, ServerResponse } from 'node:http';
import { openAIErrorBody } from './chat-completion-wire.js';
import { handleChatCompletions } from './handle-chat-completions.js';
import { jsonReply, sendReply } from './http-replies.js';
import type { OpenAIEmulatorContext } from './openai-emulator-context.js';
import type { RecordedOpenAIRequest } from './openai-emulator-options.js';

/** Serves one request: `GET /v1/models`, `POST /v1/chat/completions`, else an OpenAI-shaped 404. */
export async function handleOpenAIRequest(
  context: OpenAIEmulatorContext,
  requests: RecordedOpenAIRequest[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator.invalid');
  const method = request.method ?? 'GET';
  const parsed = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
  requests.push({ method, path: url.pathname, headers: request.headers, body: parsed });

  const { apiKey } = context.options;
  if (apiKey !== undefined && request.headers.authorization !== `Bearer ${apiKey}`) {
    const message = 'Incorrect API key provided. You can find your API key in your account settings.';
    return sendReply(response, jsonReply(401, openAIErrorBody(message, 'invalid_request_error', 'invalid_api_key')));
  }
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  if (method === 'GET' && path === '/v1/models') {
    const models = context.options.models ?? ['emulated-model'];
    const data = models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'emulator' }));
    return sendReply(response, jsonReply(200, { object: 'list', data }));
  }
  if (method === 'POST' && path === '/v1/chat/completions') return handleChatCompletions(context, parsed, response);
  const message = `Unknown request URL: ${method} ${url.pathname}. Please check the URL for typos.`;
  return sendReply(response, jsonReply(404, openAIErrorBody(message, 'invalid_request_error', 'unknown_url')));
}

/** The request body: parsed JSON, else the raw text, `undefined` when empty. */
async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
