import type { ServerResponse } from 'node:http';

/**
 * Writes Server-Sent Events the way OpenAI clients read them: `data:` lines and comment
 * lines only, never `event:` or `id:` fields. Waits for the socket to drain when its
 * buffer is full; sends `: keep-alive` after `keepAliveMs` without output (0: never).
 */
export class SseWriter {
  readonly #response: ServerResponse;
  readonly #keepAliveMs: number;
  #keepAlive: NodeJS.Timeout | undefined;

  constructor(response: ServerResponse, keepAliveMs: number) {
    this.#response = response;
    this.#keepAliveMs = keepAliveMs;
    this.#armKeepAlive();
  }

  /** Whether the client can still receive events. */
  get open(): boolean {
    return !this.#response.writableEnded && !this.#response.destroyed;
  }

  /** `data: <json>` */
  data(value: unknown): Promise<void> {
    return this.#write(`data: ${JSON.stringify(value)}\n\n`);
  }

  /** `: <text>`, a comment every SSE parser skips. */
  comment(text: string): Promise<void> {
    return this.#write(`: ${text.replace(/[\r\n]+/g, ' ')}\n\n`);
  }

  /** `data: [DONE]`, the end of a successful stream. */
  done(): Promise<void> {
    return this.#write('data: [DONE]\n\n');
  }

  /** Ends the response (if still open) and stops the keep-alive timer. */
  end(): void {
    clearTimeout(this.#keepAlive);
    this.#keepAlive = undefined;
    if (this.open) this.#response.end();
  }

  #write(text: string): Promise<void> {
    if (!this.open) return Promise.resolve();
    this.#armKeepAlive();
    if (this.#response.write(text)) return Promise.resolve();
    return new Promise((resolve) => {
      const settle = () => {
        this.#response.off('drain', settle);
        this.#response.off('close', settle);
        resolve();
      };
      this.#response.on('drain', settle);
      this.#response.on('close', settle);
    });
  }

  #armKeepAlive(): void {
    clearTimeout(this.#keepAlive);
    if (this.#keepAliveMs <= 0) return;
    this.#keepAlive = setTimeout(() => void this.comment('keep-alive'), this.#keepAliveMs);
    this.#keepAlive.unref();
  }
}
