import { connect } from 'node:net';

/** A Redis reply: a status or bulk string, an integer, `null`, or a list of replies. */
export type RedisReply = string | number | null | RedisReply[];

const incomplete = Symbol('incomplete');

/**
 * Sends one command to the Redis on `127.0.0.1:port` over a fresh connection and resolves
 * with its reply. Rejects with Redis's message on an error reply, or when no whole reply
 * came within `timeoutMs`.
 */
export function sendRedisCommand(port: number, args: readonly string[], timeoutMs = 2_000): Promise<RedisReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const finish = (error: Error | undefined, reply?: RedisReply) => {
      socket.destroy();
      if (error === undefined) resolve(reply ?? null);
      else reject(error);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`Redis on port ${port} sent no whole reply to ${args[0]} within ${timeoutMs} ms.`)));
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => socket.write(encodeCommand(args)));
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      try {
        const parsed = parseReply(received, 0);
        if (parsed !== incomplete) finish(undefined, parsed.value);
      } catch (error) {
        finish(error as Error);
      }
    });
  });
}

function encodeCommand(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

function parseReply(buffer: Buffer, start: number): { value: RedisReply; end: number } | typeof incomplete {
  const lineEnd = buffer.indexOf('\r\n', start);
  if (lineEnd === -1) return incomplete;
  const kind = String.fromCharCode(buffer[start]!);
  const line = buffer.toString('utf8', start + 1, lineEnd);
  const next = lineEnd + 2;
  if (kind === '+') return { value: line, end: next };
  if (kind === '-') throw new Error(`Redis answered an error: ${line}`);
  if (kind === ':') return { value: Number(line), end: next };
  const length = Number(line);
  if (kind === '$') {
    if (length < 0) return { value: null, end: next };
    if (buffer.length < next + length + 2) return incomplete;
    return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
  }
  if (kind === '*') {
    if (length < 0) return { value: null, end: next };
    const items: RedisReply[] = [];
    let position = next;
    for (let index = 0; index < length; index += 1) {
      const item = parseReply(buffer, position);
      if (item === incomplete) return incomplete;
      items.push(item.value);
      position = item.end;
    }
    return { value: items, end: position };
  }
  throw new Error(`Unexpected Redis reply type "${kind}".`);
}
