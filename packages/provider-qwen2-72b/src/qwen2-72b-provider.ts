import {
  AbortError,
  BaseProvider,
  RegisterProvider,
  SwitchboardError,
  annotateError,
  inject,
  providerSettingsToken,
  raceAbort,
  type ChatRequest,
  type StatusPart,
  type StreamOptions,
  type StreamPart,
} from '@switchboard/core';
import { connectSpace, type GradioSpace } from '@switchboard/gradio';
import { AnswerTracker } from './answer-tracker.js';
import { qwen2_72bMetadata } from './qwen2-72b-metadata.js';
import {
  resolveQwen2_72BSettings,
  type Qwen2_72BSettings,
  type ResolvedQwen2_72BSettings,
} from './qwen2-72b-settings.js';
import { chatFunctionIndex, chatTriggerId } from './space-constants.js';
import { toSpaceInputs } from './to-space-inputs.js';

/**
 * Streams answers from the Qwen2-72B-Instruct Hugging Face Space over Gradio's queue
 * protocol. Registered in the process-wide registry when the package is imported; a
 * registry injects its settings under core's `providerSettingsToken`.
 */
@RegisterProvider(qwen2_72bMetadata)
export class Qwen2_72BProvider extends BaseProvider {
  readonly #spaces = new Map<string, Promise<GradioSpace>>();

  /** The settings in force, environment and defaults filled in. */
  readonly settings: ResolvedQwen2_72BSettings;

  constructor(@inject(providerSettingsToken) settings: Qwen2_72BSettings = {}) {
    super();
    this.settings = resolveQwen2_72BSettings(settings);
  }

  async *createAsyncGenerator(request: ChatRequest, options: StreamOptions = {}): AsyncGenerator<StreamPart> {
    const model = this.getModel(request.model);
    const inputs = toSpaceInputs(request.messages);
    const answer = new AnswerTracker();
    let lastStatus: StatusPart | undefined;
    try {
      const spaceReady = this.#space(request.proxy ?? this.settings.proxy);
      const space = options.signal === undefined ? await spaceReady : await raceAbort(spaceReady, options.signal);
      const events = space.submit({
        fnIndex: chatFunctionIndex,
        triggerId: chatTriggerId,
        data: [inputs.query, inputs.history, inputs.system],
        signal: options.signal,
      });
      for await (const event of events) {
        if (event.type === 'queued') {
          lastStatus = { type: 'status', stage: 'queued', ...defined({ position: event.rank, queueSize: event.queueSize, etaSeconds: event.etaSeconds }) };
          yield lastStatus;
        } else if (event.type === 'started') {
          lastStatus = { type: 'status', stage: 'started', ...defined({ etaSeconds: event.etaSeconds }) };
          yield lastStatus;
        } else if (event.type === 'heartbeat') {
          if (lastStatus !== undefined && answer.text === '') yield lastStatus;
        } else if (event.type === 'output') {
          const part = answer.update(event.values, event.edits);
          if (part !== undefined) yield part;
        } else {
          const part = answer.reconcile(event.values);
          if (part !== undefined) yield part;
          yield { type: 'finish', reason: event.cancelled ? 'abort' : 'stop' };
          return;
        }
      }
    } catch (error) {
      const typed = SwitchboardError.isInstance(error) || !options.signal?.aborted ? error : new AbortError(error);
      throw annotateError(typed, { provider: this.metadata.name, model, partialText: answer.text });
    }
  }

  #space(proxy: string | undefined): Promise<GradioSpace> {
    const key = proxy ?? '';
    let space = this.#spaces.get(key);
    if (space === undefined) {
      const { baseUrl, hfToken, headers, dispatcher } = this.settings;
      space = connectSpace(baseUrl, { hfToken, headers, dispatcher, proxy });
      space.catch(() => this.#spaces.delete(key));
      this.#spaces.set(key, space);
    }
    return space;
  }
}

function defined<T extends Record<string, number | null | undefined>>(fields: T): { [K in keyof T]?: number } {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(fields)) if (typeof value === 'number') result[key] = value;
  return result as { [K in keyof T]?: number };
}
