import { ProtocolError } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, fake, finish, registryOf, text } from '../../test/fakes.js';
import { GatewayPool } from '../../test/gateway-pool.js';
import { postJson } from '../../test/post-json.js';

const gateways = new GatewayPool();
afterEach(() => gateways.closeAll());

async function loggedGateway(steps: { alpha: Parameters<typeof fake>[1]; beta: Parameters<typeof fake>[1] }) {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const logger = { level: 'info', stream: { write: (line: string) => (raw.push(line), lines.push(JSON.parse(line))) } };
  const registry = registryOf([fake('Alpha', steps.alpha), fake('Beta', steps.beta)]);
  const { url } = await gateways.start({ registry, logger, apiKeys: ['sk-very-secret'] });
  return { url, lines, raw };
}

const secretPrompt = 'my confidential prompt';

describe('request logging', () => {
  it('writes one line per request with provider, attempts, time to first token, duration and outcome', async () => {
    const { url, lines, raw } = await loggedGateway({ alpha: [fail(new ProtocolError('broken'))], beta: [text('ok'), finish()] });
    const response = await postJson(
      `${url}/v1/chat/completions`,
      { model: 'shared', messages: [{ role: 'user', content: secretPrompt }] },
      { authorization: 'Bearer sk-very-secret', 'x-request-id': 'log-test-1' },
    );
    expect(response.status).toBe(200);
    await expect.poll(() => lines.filter((line) => line.msg === 'request completed')).toHaveLength(1);
    const line = lines.find((entry) => entry.msg === 'request completed')!;
    expect(line).toMatchObject({
      level: 30,
      requestId: 'log-test-1',
      method: 'POST',
      route: '/v1/chat/completions',
      status: 200,
      model: 'shared',
      provider: 'Beta',
      attempts: 2,
      outcome: 'OK',
    });
    expect(line.timeToFirstTokenMs).toEqual(expect.any(Number));
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(raw.join('')).not.toContain('sk-very-secret');
    expect(raw.join('')).not.toContain(secretPrompt);
  });

  it('logs the error code as the outcome of a failed request', async () => {
    const { url, lines } = await loggedGateway({ alpha: [fail(new ProtocolError('broken'))], beta: [fail(new ProtocolError('broken'))] });
    await postJson(`${url}/v1/chat/completions`, { model: 'shared', messages: [{ role: 'user', content: 'Hi' }] }, { authorization: 'Bearer wrong' });
    await postJson(
      `${url}/v1/chat/completions`,
      { model: 'shared', messages: [{ role: 'user', content: 'Hi' }] },
      { authorization: 'Bearer sk-very-secret' },
    );
    await expect.poll(() => lines.filter((line) => line.msg === 'request completed')).toHaveLength(2);
    const [refused, failed] = lines.filter((line) => line.msg === 'request completed');
    expect(refused).toMatchObject({ status: 401, outcome: 'INVALID_API_KEY', attempts: 0 });
    expect(failed).toMatchObject({ status: 502, outcome: 'ALL_PROVIDERS_FAILED', attempts: 2, provider: 'Beta' });
  });
});
