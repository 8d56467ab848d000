import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** The machine the bench runs on, without the load. */
export function machineInfo(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${processors.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()} ${release()}, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages, e.g. `1.20 0.95 0.80`. */
export function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' ');
}
