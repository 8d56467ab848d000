import { openAIErrorBody } from './chat-completion-wire.js';
import { jsonReply, type HttpReply } from './http-replies.js';
import type { OpenAIEmulatorFault } from './openai-emulator-options.js';

/** A fault answered instead of the completion. */
export type ReplyFault = Extract<OpenAIEmulatorFault, { kind: 'status' | 'rate-limited' | 'flat-error' | 'html-error' }>;

const proxyPage = (status: number) =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/** Whether a fault is answered with a complete HTTP reply (before any streaming). */
export function isReplyFault(fault: OpenAIEmulatorFault | undefined): fault is ReplyFault {
  return fault !== undefined && ['status', 'rate-limited', 'flat-error', 'html-error'].includes(fault.kind);
}

/** The HTTP reply for a fault answered instead of the completion. */
export function faultReply(fault: ReplyFault): HttpReply {
  switch (fault.kind) {
    case 'status':
      return statusReply(fault.status, fault.body, fault.headers ?? {});
    case 'rate-limited': {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      const body = openAIErrorBody('Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded');
      return jsonReply(429, body, headers);
    }
    case 'flat-error': {
      const status = fault.status ?? 400;
      const message = fault.message ?? 'The model does not exist.';
      return jsonReply(status, { object: 'error', message, type: 'BadRequestError', param: null, code: status });
    }
    case 'html-error': {
      const status = fault.status ?? 502;
      return { status, headers: { 'content-type': 'text/html' }, body: proxyPage(status) };
    }
  }
}

function statusReply(status: number, body: unknown, headers: Readonly<Record<string, string>>): HttpReply {
  if (typeof body === 'string') {
    const contentType = body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
    return { status, headers: { 'content-type': contentType, ...headers }, body };
  }
  const fallback = openAIErrorBody(`The emulator answered ${status} as asked.`, status >= 500 ? 'server_error' : 'invalid_request_error');
  return jsonReply(status, body === undefined ? fallback : body, headers);
}
