import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Answers one request of a {@link listenOnLoopback} server. A throw or a rejection ends the
 * response with `Internal Server Error`: as a 500 `text/plain` reply when its headers were not
 * sent yet, else as the last bytes of the body. Catch failures yourself when a client must see
 * something else.
 */
export type LoopbackHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** Settings of {@link listenOnLoopback}. */
export interface LoopbackServerOptions {
  /**
   * Runs once, first thing in `close()`, before the connections are destroyed: stop the
   * streams, scripts and timers the handler started, so that none outlives the server.
   */
  onClose?(): void;
}

/** An HTTP server listening on 127.0.0.1. */
export interface LoopbackServer {
  /** Root URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  /**
   * Refuses new requests, runs `onClose`, destroys every open connection (idle or in the
   * middle of a reply) and stops listening. Resolves when the server is closed; calling it
   * again returns the same promise.
   */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 on a free port, answering every request with `handle`.
 * Once `close()` was called, a request that still reaches the server gets its connection
 * destroyed instead of an answer.
 *
 * @example
 * const server = await listenOnLoopback((request, response) => {
 *   response.writeHead(200, { 'content-type': 'text/plain' }).end(`you asked for ${request.url}`);
 * });
 * // point the client at server.url
 * await server.close();
 */
export async function listenOnLoopback(handle: LoopbackHandler, options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  let isClosing = false;
  let closed: Promise<void> | undefined;
  const server = createServer((request, response) => {
    if (isClosing) {
      response.destroy();
      return;
    }
    new Promise<void>((resolve) => resolve(handle(request, response))).catch(() => replyInternalServerError(response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        isClosing = true;
        options.onClose?.();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function replyInternalServerError(response: ServerResponse): void {
  if (response.destroyed) return;
  if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Internal Server Error');
}
