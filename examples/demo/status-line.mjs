/**
 * Progress on stderr: one line rewritten in place on a terminal, plain lines otherwise.
 * Routing events (retries, fallbacks) are always printed on their own line.
 */
export function createStatusLine(stream) {
  let showing = false;
  let lastText = '';

  const write = (text) => {
    if (stream.isTTY) {
      stream.write(`\r\x1b[K${text}`);
      showing = true;
    } else if (text !== lastText) {
      stream.write(`${text}\n`);
    }
    lastText = text;
  };

  return {
    show(part) {
      if (part.stage === 'queued') {
        const position = part.position === undefined ? '' : ` at position ${part.position + 1}`;
        const size = part.queueSize === undefined ? '' : ` of ${part.queueSize}`;
        const eta = part.etaSeconds === undefined ? '' : `, about ${Math.ceil(part.etaSeconds)} s to go`;
        write(`Queued${position}${size}${eta}`);
      } else {
        write('Generating…');
      }
    },
    event(event) {
      let text;
      if (event.type === 'retry-scheduled') text = `Retrying ${event.provider} in ${event.delayMs} ms: ${event.reason?.message ?? event.reason}`;
      else if (event.type === 'fallback') text = `Falling back from ${event.from} to ${event.to}: ${event.reason?.message ?? event.reason}`;
      else if (event.type === 'circuit-opened') text = `${event.provider} is failing; skipping it for a while`;
      if (text === undefined) return;
      this.clear();
      stream.write(`${text}\n`);
    },
    clear() {
      if (showing) stream.write('\r\x1b[K');
      showing = false;
    },
  };
}
