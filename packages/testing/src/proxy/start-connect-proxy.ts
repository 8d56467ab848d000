import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** An HTTP CONNECT proxy on 127.0.0.1 that records every tunnel it opens. */
export interface ConnectProxy {
  /** Proxy URL to hand to a client, e.g. `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** `host:port` of every CONNECT request received, in order. */
  readonly tunnels: readonly string[];
  /** `Proxy-Authorization` header of every CONNECT request (undefined when absent). */
  readonly authorizations: ReadonlyArray<string | undefined>;
  close(): Promise<void>;
}

/**
 * Starts a CONNECT proxy on loopback for tests. It only tunnels to loopback targets and
 * answers 403 to anything else, so a test can never reach the outside through it.
 */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    response.writeHead(405).end('CONNECT only');
  });
  server.on('connect', (request: IncomingMessage, clientSocket: Socket, head: Buffer) => {
    const target = request.url ?? '';
    tunnels.push(target);
    authorizations.push(request.headers['proxy-authorization']);
    const [host, port] = splitHostPort(target);
    if (!isLoopback(host)) {
      clientSocket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    for (const socket of [clientSocket, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
    clientSocket.on('close', () => upstream.destroy());
    upstream.on('close', () => clientSocket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function splitHostPort(target: string): [string, number] {
  const separator = target.lastIndexOf(':');
  const host = target.slice(0, separator).replace(/^\[|\]$/g, '');
  return [host, Number(target.slice(separator + 1))];
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
