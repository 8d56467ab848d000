import { createHash } from 'node:crypto';

/** What a script needs of a Redis client: raw commands. */
export interface CommandSender {
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * A Lua script run with EVALSHA, and with EVAL when Redis does not know it yet
 * (`NOSCRIPT`: first use, or after a restart or SCRIPT FLUSH).
 */
export class LuaScript {
  readonly source: string;
  readonly sha: string;

  constructor(source: string) {
    this.source = source;
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: CommandSender, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await client.sendCommand(['EVALSHA', this.sha, ...tail]);
    } catch (error) {
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return client.sendCommand(['EVAL', this.source, ...tail]);
    }
  }
}
