import { ProtocolError, UpstreamHttpError } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSpace } from './connect-space.js';
import { clearSpaceConfigCache } from './space-config-cache.js';
import { gradioConfig, startFakeGradioApp, type FakeGradioApp } from '../test/fake-gradio-app.js';
import { startTestHttpServer, type TestHttpServer } from '../test/test-http-server.js';

const servers: Array<FakeGradioApp | TestHttpServer> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  clearSpaceConfigCache();
});

async function startApp(config = gradioConfig()): Promise<FakeGradioApp> {
  const app = await startFakeGradioApp({ config });
  servers.push(app);
  return app;
}

describe('connectSpace', () => {
  it('discovers the config once per root URL, whatever its trailing slash, query or fragment', async () => {
    const app = await startApp(gradioConfig({ version: '5.12.0', api_prefix: '/gradio_api' }));
    const first = await connectSpace(app.url);
    const second = await connectSpace(`${app.url}/`);
    const third = await connectSpace(`${app.url}/?__theme=dark#top`);
    expect(app.configRequests).toHaveLength(1);
    expect(first.rootUrl).toBe(app.url);
    expect(third.rootUrl).toBe(app.url);
    expect(second.config).toBe(first.config);
    expect(first.config).toMatchObject({ version: '5.12.0', protocol: 'sse_v3', apiPrefix: '/gradio_api' });
  });

  it('keeps separate configs for separate roots, mounted paths included', async () => {
    const app = await startApp();
    await connectSpace(app.url);
    await connectSpace(`${app.url}/mounted/`).catch(() => undefined);
    expect(app.requests.map((request) => request.url)).toEqual(['/config', '/mounted/config']);
  });

  it('fetches again after clearSpaceConfigCache', async () => {
    const app = await startApp();
    await connectSpace(app.url);
    clearSpaceConfigCache(`${app.url}/`);
    await connectSpace(app.url);
    expect(app.configRequests).toHaveLength(2);
  });

  it('does not cache a failed discovery', async () => {
    let calls = 0;
    const server = await startTestHttpServer((_request, response) => {
      calls++;
      if (calls === 1) {
        response.writeHead(502);
        response.end('upstream down');
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(gradioConfig()));
      }
    });
    servers.push(server);
    const error: unknown = await connectSpace(server.url).catch((caught: unknown) => caught);
    expect(UpstreamHttpError.isInstance(error)).toBe(true);
    expect((error as UpstreamHttpError).status).toBe(502);
    expect((error as UpstreamHttpError).url).toBe(`${server.url}/config`);
    const space = await connectSpace(server.url);
    expect(space.config.version).toBe('4.36.1');
    expect(calls).toBe(2);
  });

  it('rejects ws and sse apps with a ProtocolError naming version and protocol', async () => {
    for (const [version, protocol] of [['3.50.2', 'ws'], ['4.7.1', 'sse']]) {
      const app = await startApp(gradioConfig({ version, protocol }));
      const error: unknown = await connectSpace(app.url).catch((caught: unknown) => caught);
      expect(ProtocolError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(`Gradio ${version} with queue protocol "${protocol}"`);
    }
  });

  it('maps a config that is not JSON to ProtocolError', async () => {
    const server = await startTestHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>Space is sleeping</html>');
    });
    servers.push(server);
    await expect(connectSpace(server.url)).rejects.toThrow(/the \/config response is not JSON/);
  });

  it('rejects URLs it cannot use and bad options with TypeError', async () => {
    await expect(connectSpace('not a url')).rejects.toThrow(TypeError);
    await expect(connectSpace('ftp://host/')).rejects.toThrow(/http or https/);
    await expect(connectSpace('https://user:pass@host/')).rejects.toThrow(/credentials/);
    await expect(connectSpace('https://host/', { maxEventBytes: 0 })).rejects.toThrow(/maxEventBytes/);
  });
});
