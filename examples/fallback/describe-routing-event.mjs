/**
 * One stderr line for a routing event, or `undefined` for the events this example leaves
 * out (queue positions, timings). Lines carry no times, so every run prints the same ones.
 */
export function describeRoutingEvent(event) {
  switch (event.type) {
    case 'attempt-start':
      return `attempt ${event.attempt} on ${event.provider} (model ${event.model})`;
    case 'retry-scheduled':
      return `retry ${event.provider} (attempt ${event.attempt} next): ${reason(event.reason)}`;
    case 'fallback':
      return `fallback ${event.from} -> ${event.to}: ${reason(event.reason)}`;
    case 'first-token':
      return `first text from ${event.provider}`;
    case 'finish':
      return `finish: ${event.reason}${event.provider === undefined ? '' : ` (${event.provider})`}`;
    default:
      return undefined;
  }
}

function reason(error) {
  return `${error?.code ?? 'ERROR'}: ${String(error?.message ?? error).split('\n')[0]}`;
}
