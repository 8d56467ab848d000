import type { IncomingHttpHeaders } from 'node:http';

const acceptableId = /^[\w.:@/+=-]{1,128}$/;

/**
 * The client's `x-request-id` when it is short and made of safe characters (so it can be
 * echoed and logged as is), otherwise `undefined`.
 */
export function incomingRequestId(headers: IncomingHttpHeaders): string | undefined {
  const incoming = headers['x-request-id'];
  return typeof incoming === 'string' && acceptableId.test(incoming) ? incoming : undefined;
}
