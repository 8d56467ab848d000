import { listenOnLoopback, type LoopbackServer } from '../loopback/listen-on-loopback.js';
import { handleOpenAIRequest } from './handle-openai-request.js';
import { createOpenAIEmulatorContext, type OpenAIEmulatorContext } from './openai-emulator-context.js';
import type { OpenAIEmulator, OpenAIEmulatorOptions, RecordedOpenAIRequest } from './openai-emulator-options.js';

class RunningOpenAIEmulator implements OpenAIEmulator {
  readonly url: string;
  readonly baseUrl: string;

  constructor(
    readonly requests: RecordedOpenAIRequest[],
    private readonly server: LoopbackServer,
    private readonly context: OpenAIEmulatorContext,
  ) {
    this.url = server.url;
    this.baseUrl = `${server.url}/v1`;
  }

  get chatRequests(): number {
    return this.context.chatRequests;
  }

  get openStreams(): number {
    return this.context.streams.open;
  }

  get closedStreams(): number {
    return this.context.streams.closed;
  }

  get streamsClosedByClient(): number {
    return this.context.streams.closedByClient;
  }

  waitForStreamClose(): Promise<void> {
    return this.context.streams.nextClose();
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/**
 * Starts an OpenAI-compatible server on 127.0.0.1 (random port): `POST /v1/chat/completions`
 * (streamed or not) and `GET /v1/models`, with the quirks and faults real servers show
 * (see {@link OpenAIEmulatorOptions}). The official `openai` client can talk to its `baseUrl`.
 */
export async function startOpenAIEmulator(options: OpenAIEmulatorOptions = {}): Promise<OpenAIEmulator> {
  const context = createOpenAIEmulatorContext(options);
  const requests: RecordedOpenAIRequest[] = [];
  const server = await listenOnLoopback((request, response) => handleOpenAIRequest(context, requests, request, response), {
    onClose: () => context.streams.stopAll(),
  });
  return new RunningOpenAIEmulator(requests, server, context);
}
