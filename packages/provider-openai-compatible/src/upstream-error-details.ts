/** What an upstream said about a failure, from whichever error shape it uses. */
export interface UpstreamErrorDetails {
  message: string;
  /** An HTTP status the error carries in its body (`code: 400`, `status: 503`), when it does. */
  status?: number;
  /** A symbolic code such as `invalid_api_key` or `rate_limit_exceeded`, when given. */
  code?: string;
}

const maxExcerptLength = 300;

/**
 * Reads an error value in the shapes OpenAI-compatible servers send:
 * `{"error": {"message", "type", "code"}}` (OpenAI), `{"error": "text"}`,
 * `{"object": "error", "message", "code": 400}` (older vLLM), `{"detail": "..."}` (FastAPI).
 * Returns `undefined` for a value that is none of these.
 */
export function readErrorDetails(value: unknown): UpstreamErrorDetails | undefined {
  if (!isRecord(value)) return undefined;
  const { error } = value;
  if (typeof error === 'string' && error.trim() !== '') return { message: error.trim() };
  if (isRecord(error)) return detailsOf(error, excerpt(JSON.stringify(error)));
  if (value.object === 'error' || (typeof value.message === 'string' && !('choices' in value))) {
    return detailsOf(value, excerpt(JSON.stringify(value)));
  }
  if (typeof value.detail === 'string') return { message: value.detail };
  return undefined;
}

/** Whether a parsed stream event reports a failure instead of carrying a chunk. */
export function isErrorEvent(value: unknown): boolean {
  return isRecord(value) && ((value.error !== undefined && value.error !== null && value.error !== false) || value.object === 'error');
}

/**
 * A short, single-line excerpt of a body that is not a known error shape: HTML tags and
 * scripts removed, whitespace collapsed, at most 300 characters.
 */
export function excerpt(text: string): string {
  const looksLikeHtml = /^\s*<(!doctype|html|head|body|\?xml)/i.test(text);
  const plain = looksLikeHtml
    ? text.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ')
    : text;
  const compact = plain.replace(/\s+/g, ' ').trim();
  return compact.length > maxExcerptLength ? `${compact.slice(0, maxExcerptLength)}…` : compact;
}

function detailsOf(error: Record<string, unknown>, fallback: string): UpstreamErrorDetails {
  const message = typeof error.message === 'string' && error.message.trim() !== '' ? error.message.trim() : fallback;
  const status = [error.status, error.code, error.status_code].find(isHttpStatus);
  const symbolic = [error.code, error.type].find((field): field is string => typeof field === 'string' && field !== '');
  return { message, ...(status === undefined ? {} : { status }), ...(symbolic === undefined ? {} : { code: symbolic }) };
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
