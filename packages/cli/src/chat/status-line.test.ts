import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StatusLine } from './status-line.js';

function capture(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { stream, text: () => text };
}

describe('StatusLine', () => {
  it('rewrites one line in place on a terminal and erases it', () => {
    const { stream, text } = capture(true);
    const status = new StatusLine(stream);
    status.show({ type: 'status', stage: 'queued', position: 2, queueSize: 4, etaSeconds: 7.2 });
    status.show({ type: 'status', stage: 'started' });
    status.clear();
    expect(text()).toBe('\r\x1b[KQueued at position 3 of 4, about 8 s to go\r\x1b[KGenerating…\r\x1b[K');
  });

  it('prints each new status once as a plain line elsewhere', () => {
    const { stream, text } = capture(false);
    const status = new StatusLine(stream);
    status.show({ type: 'status', stage: 'queued', position: 0 });
    status.show({ type: 'status', stage: 'queued', position: 0 });
    status.show({ type: 'status', stage: 'started' });
    expect(text()).toBe('Queued at position 1\nGenerating…\n');
  });

  it('gives retries and fallbacks a line of their own, after erasing the status', () => {
    const { stream, text } = capture(true);
    const status = new StatusLine(stream);
    status.show({ type: 'status', stage: 'queued' });
    status.event({ type: 'retry-scheduled', provider: 'A', attempt: 2, delayMs: 500, reason: new Error('The upstream queue is full.') });
    status.event({ type: 'fallback', from: 'A', to: 'B', reason: new Error('gone') });
    status.event({ type: 'first-token', provider: 'B', elapsedMs: 3 });
    expect(text()).toBe(
      '\r\x1b[KQueued\r\x1b[KRetrying A in 500 ms: The upstream queue is full.\nFalling back from A to B: gone\n',
    );
  });
});
