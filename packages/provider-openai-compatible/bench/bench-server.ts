import { benchModel } from './bench-answer.js';
import type { BenchCase } from './bench-case.js';
import { openChatBody } from './open-chat-body.js';
import { renderChatStream, type RenderedStream } from './render-chat-stream.js';
import { startBenchUpstream } from './start-bench-upstream.js';

/** Answer sizes measured, in content chunks. */
const benchSizes = [20_000, 100_000];

const streams = new Map<string, RenderedStream>(benchSizes.map((size) => [benchModel(size), renderChatStream(benchModel(size), size)]));
const upstream = await startBenchUpstream(streams);

const cases: BenchCase[] = [];
for (const size of benchSizes) {
  const rendered = streams.get(benchModel(size))!;
  let bodyBytes = 0;
  for await (const chunk of await openChatBody(upstream.baseUrl, rendered.model)) bodyBytes += chunk.length;
  if (bodyBytes !== rendered.body.length) throw new Error(`the ${size}-chunk answer arrived as ${bodyBytes} bytes, not ${rendered.body.length}`);
  cases.push({ chunks: size, model: rendered.model, bodyBytes, events: rendered.events });
}

process.stdout.write(`${JSON.stringify({ baseUrl: upstream.baseUrl, cases })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void upstream.close().then(() => process.exit(0)));
