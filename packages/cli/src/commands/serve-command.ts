import { Command, Option } from 'commander';
import type { CommandContext } from '../command-context.js';
import { exitCodes } from '../exit-codes.js';
import { prepareRegistry } from '../providers/prepare-registry.js';
import { openRoutingStore, redisUrlVariable } from './open-routing-store.js';
import { parseMilliseconds, parsePort } from './parse-number.js';
import { configOption, emulatorOption, type RegistryCommandOptions } from './registry-options.js';
import { waitForStopSignal } from './wait-for-stop-signal.js';

interface ServeOptions extends RegistryCommandOptions {
  host?: string;
  port?: number;
  apiKey: string[];
  graceMs?: number;
  logLevel: string;
  redis?: string;
}

const defaults = { host: '127.0.0.1', port: 8787, graceMs: 10_000 };

/**
 * `switchboard serve`: the OpenAI-compatible gateway over the configured providers. Prints
 * `Switchboard listening on URL` on stdout once ready; SIGINT or SIGTERM stops it gracefully.
 */
export function serveCommand(context: CommandContext): Command {
  return new Command('serve')
    .summary('serve the OpenAI-compatible gateway over the configured providers')
    .description(
      'Serve the OpenAI-compatible gateway (/v1/chat/completions, /v1/models, /v1/providers, /health, /metrics) over the ' +
        'configured providers. Prints "Switchboard listening on URL" on stdout when ready; SIGINT or SIGTERM lets open ' +
        'answers finish within the grace period, then exits 0.',
    )
    .addOption(new Option('--host <host>', `interface to listen on (default: server.host in the configuration, else ${defaults.host})`))
    .addOption(new Option('-p, --port <port>', `port, 0 for a free one (default: server.port, else ${defaults.port})`).argParser(parsePort))
    .addOption(
      new Option('-k, --api-key <key>', 'accept this API key as "Authorization: Bearer <key>" (repeatable; also SWITCHBOARD_API_KEYS, comma-separated)')
        .argParser((key: string, keys: string[]) => [...keys, key])
        .default([], 'no key needed'),
    )
    .addOption(
      new Option('--grace-ms <ms>', `on SIGINT/SIGTERM, how long open answers may finish before they are aborted (default: server.graceMs, else ${defaults.graceMs})`).argParser(
        parseMilliseconds,
      ),
    )
    .addOption(new Option('--log-level <level>', 'request log on stderr, one JSON line per request').choices(['info', 'warn', 'error', 'silent']).default('info'))
    .addOption(
      new Option(
        '--redis <url>',
        `share circuits, working overrides and concurrency limits with other gateways through this Redis, e.g. redis://127.0.0.1:6379 (also ${redisUrlVariable}, else redis.url in the configuration)`,
      ),
    )
    .addOption(configOption())
    .addOption(emulatorOption())
    .action(async (options: ServeOptions) => {
      const { io } = context;
      const { createGateway } = await import('@switchboard/server');
      const prepared = await prepareRegistry({ configPath: options.config, emulator: options.emulator, cwd: io.cwd });
      const stopped = waitForStopSignal(context.signals);
      let routingStore: Awaited<ReturnType<typeof openRoutingStore>>;
      try {
        routingStore = await openRoutingStore({ flag: options.redis, env: io.env, config: prepared.config, logger: storeLogger(context, options.logLevel) });
        if (routingStore !== undefined) prepared.registry.configure({ store: routingStore });
        const server = prepared.config?.config.server;
        const gateway = createGateway({
          registry: prepared.registry,
          apiKeys: [...options.apiKey, ...keysFromEnvironment(io.env.SWITCHBOARD_API_KEYS)],
          logger: options.logLevel === 'silent' ? false : { level: options.logLevel, stream: { write: (line) => io.stderr.write(line) } },
        });
        const url = await gateway.listen({ host: options.host ?? server?.host ?? defaults.host, port: options.port ?? server?.port ?? defaults.port });
        describeServing(context, prepared.registry.list().map((metadata) => metadata.name), prepared.emulator?.url);
        io.stdout.write(`Switchboard listening on ${new URL(url).origin}\n`);
        const signal = await stopped.first;
        const graceMs = options.graceMs ?? server?.graceMs ?? defaults.graceMs;
        io.stderr.write(`${signal}: no new requests; open answers have ${graceMs} ms to finish (send it again to stop now).\n`);
        const outcome = await Promise.race([gateway.close({ graceMs }).then(() => 'closed'), stopped.second]);
        context.setExitCode(outcome === 'closed' ? exitCodes.success : exitCodes.interrupted);
      } finally {
        stopped.dispose();
        if (routingStore !== undefined) {
          await routingStore.close();
          prepared.registry.configure({ store: undefined });
        }
        await prepared.close();
      }
    });
}

function keysFromEnvironment(value: string | undefined): string[] {
  return (value ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
}

/** Lines about the routing store's connection on stderr: both kinds at `info`, warnings at `warn`, none below. */
function storeLogger(context: CommandContext, logLevel: string): { info(line: string): void; warn(line: string): void } {
  const write = (line: string) => context.io.stderr.write(`${line}\n`);
  const ignore = () => undefined;
  return { info: logLevel === 'info' ? write : ignore, warn: logLevel === 'info' || logLevel === 'warn' ? write : ignore };
}

function describeServing(context: CommandContext, providers: string[], emulatorUrl: string | undefined): void {
  const emulator = emulatorUrl === undefined ? '' : ` (the Qwen provider answers from the Space emulator at ${emulatorUrl})`;
  context.io.stderr.write(`Providers: ${providers.join(', ')}${emulator}\n`);
}
