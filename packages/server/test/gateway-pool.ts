import { createGateway, type Gateway, type GatewayOptions } from '../src/index.js';

/** A gateway listening on 127.0.0.1 for a test. */
export interface TestGateway {
  gateway: Gateway;
  /** Base URL, e.g. `http://127.0.0.1:40000`. */
  url: string;
  /** The OpenAI base URL, `${url}/v1`. */
  baseURL: string;
}

/** Gateways started by a test file; `closeAll()` after each test closes them with no grace period. */
export class GatewayPool {
  readonly #running: Gateway[] = [];

  async start(options: GatewayOptions): Promise<TestGateway> {
    const gateway = createGateway({ keepAliveMs: 0, ...options });
    this.#running.push(gateway);
    const url = await gateway.listen({ host: '127.0.0.1', port: 0 });
    return { gateway, url, baseURL: `${url}/v1` };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#running.splice(0).map((gateway) => gateway.close({ graceMs: 0 })));
  }
}
