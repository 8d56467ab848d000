import { createGateway } from '../src/index.js';
import type { BenchUpstream } from './bench-registry.js';
import { benchRegistry } from './bench-registry.js';
import { processUsage } from './process-usage.js';
import { serveCalls } from './serve-calls.js';

/**
 * A Switchboard gateway in a process of its own, over one upstream:
 * `gateway-process.js <qwen|openai> <upstream url>`. Announces its base URL; answers `usage`.
 */
const [upstream, upstreamUrl] = process.argv.slice(2) as [BenchUpstream, string];
const gateway = createGateway({ registry: benchRegistry(upstream, upstreamUrl) });
const url = await gateway.listen({ host: '127.0.0.1', port: 0 });
serveCalls(url, { usage: () => processUsage() }, () => gateway.close({ graceMs: 0 }));
