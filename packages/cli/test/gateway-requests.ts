import { Agent, fetch } from 'undici';

/** How one chat completion request to a gateway went. */
export interface ChatOutcome {
  status: number;
  /** The answer's text on success. */
  content?: string;
  /** The OpenAI error body's `code` and `message` on failure. */
  errorCode?: string;
  errorMessage?: string;
  /** From sending the request to reading the whole body. */
  durationMs: number;
}

/** One provider's health as `GET /v1/providers` reports it (the fields the tests read). */
export interface HealthReport {
  state: string;
  consecutiveFailures: number;
  openUntil?: number;
  maxConcurrency?: number;
  inFlight?: number;
}

/** What `GET /v1/providers` reports: the routing store's status and each provider's health by name. */
export interface ProvidersReport {
  store: { kind: string; shared: boolean; connected: boolean; lastError?: string } | null;
  health: Map<string, HealthReport>;
}

/** Requests to running gateways over one connection pool, closed with `close()`. */
export class GatewayRequests {
  readonly #agent = new Agent();

  /** Sends a non-streaming chat completion with one user message. */
  async chat(url: string, model: string, content: string): Promise<ChatOutcome> {
    const startedAt = performance.now();
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, stream: false, messages: [{ role: 'user', content }] }),
      dispatcher: this.#agent,
    });
    const body = (await response.json()) as { choices?: Array<{ message: { content: string } }>; error?: { code?: string; message?: string } };
    return {
      status: response.status,
      content: body.choices?.[0]?.message.content,
      errorCode: body.error?.code,
      errorMessage: body.error?.message,
      durationMs: performance.now() - startedAt,
    };
  }

  /** Reads `GET /v1/providers`. */
  async providers(url: string): Promise<ProvidersReport> {
    const response = await fetch(`${url}/v1/providers`, { dispatcher: this.#agent });
    if (response.status !== 200) throw new Error(`GET ${url}/v1/providers answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { store: ProvidersReport['store']; data: Array<{ id: string; health: HealthReport }> };
    return { store: body.store, health: new Map(body.data.map((provider) => [provider.id, provider.health])) };
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

/** Polls `check` every 20 ms until it is true; fails after `timeoutMs` naming `what`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
