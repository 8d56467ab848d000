import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** One line describing the machine: CPU, cores, memory, system, Node and the load average. */
export function machineInfo(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return `${model}, ${processors.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()} ${release()}, Node ${process.version}, load average ${load}`;
}
