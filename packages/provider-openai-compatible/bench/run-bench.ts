import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, WarmUp, WorkerInput, WorkerReport } from './bench-case.js';
import { benchModes } from './bench-modes.js';
import { runNode, startNode } from './child-process.js';
import { formatReport, type Measurement } from './format-report.js';
import { machineInfo } from './machine-info.js';

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const warmUp: WarmUp = { runs: 3, ms: Number(process.env.BENCH_WARM_UP_MS ?? 1000) };

const server = startNode(join(here, 'bench-server.js'));
try {
  process.stderr.write('bench: rendering the streams…\n');
  const { baseUrl, cases } = JSON.parse(await server.firstLine) as { baseUrl: string; cases: BenchCase[] };
  const loadBefore = machineInfo();
  const measurements: Measurement[] = [];
  for (const benchCase of cases) {
    for (const mode of benchModes) {
      process.stderr.write(`bench: ${mode.label}, ${benchCase.chunks} chunks\n`);
      const input: WorkerInput = { baseUrl, benchCase, warmUp, runs };
      const line = await runNode(join(here, 'workers', `${mode.worker}.js`), [JSON.stringify(input)]);
      measurements.push({ mode, benchCase, report: JSON.parse(line) as WorkerReport });
    }
  }
  const machine = `${loadBefore} (at start), ${machineInfo().replace(/^.*load average /, '')} (at end)`;
  process.stdout.write(formatReport(measurements, cases, { machine, runs, warmUp }));
} finally {
  server.child.stdin?.end();
  setTimeout(() => server.child.kill(), 2000).unref();
}
