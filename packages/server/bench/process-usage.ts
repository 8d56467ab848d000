/** Memory, CPU time and open handles of one bench process at one moment. */
export interface ProcessUsage {
  rssBytes: number;
  /** Peak resident set size since the process started. */
  maxRssBytes: number;
  heapUsedBytes: number;
  /** User plus system CPU time since the process started. */
  cpuMs: number;
  /** Open TCP sockets (client and server side), listening servers excluded. */
  sockets: number;
  /** Active timers. */
  timers: number;
}

/** The {@link ProcessUsage} of this process now. */
export function processUsage(): ProcessUsage {
  const resources = process.getActiveResourcesInfo();
  const { user, system } = process.cpuUsage();
  return {
    rssBytes: process.memoryUsage.rss(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
    cpuMs: (user + system) / 1000,
    sockets: resources.filter((resource) => resource === 'TCPSocketWrap').length,
    timers: resources.filter((resource) => resource === 'Timeout').length,
  };
}
