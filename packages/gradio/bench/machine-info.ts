import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** One line describing the machine the bench ran on. */
export function machineInfo(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  const memory = `${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  return `${model}, ${processors.length} cores, ${memory}, ${type()} ${release()}, Node ${process.version}, load average ${load}`;
}
