const tracked = new Set(['TCPSocketWrap', 'TCPServerWrap', 'Timeout']);

/** How many sockets, servers and timers the process holds, by kind. */
export function openHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) {
    if (tracked.has(resource)) counts[resource] = (counts[resource] ?? 0) + 1;
  }
  return counts;
}

function handlesAbove(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const leaked: Record<string, number> = {};
  for (const [kind, count] of Object.entries(after)) if (count > (before[kind] ?? 0)) leaked[kind] = count - (before[kind] ?? 0);
  return leaked;
}

/** The handles held beyond `before`, waiting up to `limitMs` for sockets that are still closing. */
export async function handlesLeftAfter(before: Record<string, number>, limitMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + limitMs;
  let leaked = handlesAbove(before, openHandles());
  while (Object.keys(leaked).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    leaked = handlesAbove(before, openHandles());
  }
  return leaked;
}
