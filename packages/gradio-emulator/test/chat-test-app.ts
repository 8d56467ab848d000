import {
  buttonComponent,
  chatbotComponent,
  chatbotPairs,
  chatbotReply,
  splitText,
  startGradioEmulator,
  textboxComponent,
  type ChatbotPair,
  type GradioApp,
  type GradioEmulator,
  type GradioEmulatorOptions,
} from '../src/index.js';

/** Component ids of {@link chatTestApp}. */
export const chatTestIds = { message: 1, chatbot: 2, send: 3, clear: 4 } as const;

/** What the test app's chat function answers, and in which pieces. */
export interface ChatTestAppOptions {
  /** The reply, or a function of the message and the earlier pairs. Default `Hello! You asked: <message>`. */
  answer?: string | ((message: string, history: ChatbotPair[]) => string);
  /** Characters per yield when `tokens` is not given. Default 4. */
  tokenSize?: number;
  /** The pieces of the reply, one yield each. */
  tokens?: (answer: string) => string[];
  /** Tidy the Chatbot's strings as Gradio does. Default true. */
  tidyWhitespace?: boolean;
}

/**
 * A small chat app: dependencies 0 (message `submit`) and 1 (Send `click`) stream
 * `chat(message, history)` into `["", history + [[message, reply]]]`; 2 (`clear`) returns
 * `["", []]`; 3 (`shout`) returns the message in capitals and no history.
 */
export function chatTestApp(options: ChatTestAppOptions = {}): GradioApp {
  const { answer = (message: string) => `Hello! You asked: ${message}` } = options;
  const reply = typeof answer === 'string' ? () => answer : answer;
  const tokensOf = options.tokens ?? ((text: string) => splitText(text, options.tokenSize ?? 4));
  const ids = chatTestIds;
  const chatIo = { inputs: [ids.message, ids.chatbot], outputs: [ids.message, ids.chatbot], parameterNames: ['message', 'history'] };
  function* chat([message, history]: unknown[]) {
    const pairs = chatbotPairs(history);
    const tokens = tokensOf(reply(String(message ?? ''), pairs));
    for (const step of chatbotReply({ history: pairs, message, tokens, tidyWhitespace: options.tidyWhitespace })) {
      yield { values: ['', step.value], edits: step.edits && [[], step.edits] };
    }
  }
  return {
    components: [
      chatbotComponent(ids.chatbot, 'Chat'),
      textboxComponent(ids.message, 'Message'),
      buttonComponent(ids.send, 'Send'),
      buttonComponent(ids.clear, 'Clear'),
    ],
    functions: [
      { apiName: 'chat', trigger: [ids.message, 'submit'], ...chatIo, generator: true, run: chat },
      { apiName: 'chat_1', trigger: [ids.send, 'click'], ...chatIo, generator: true, run: chat },
      { apiName: 'clear', trigger: [ids.clear, 'click'], inputs: [], outputs: [ids.message, ids.chatbot], run: () => ['', []] },
      {
        apiName: 'shout',
        trigger: [ids.message, 'change'],
        inputs: [ids.message],
        outputs: [ids.message, ids.chatbot],
        parameterNames: ['message'],
        run: ([message]) => [String(message).toUpperCase(), []],
      },
    ],
  };
}

/** Options of {@link startChatTestEmulator}: the emulator's, and the test app's. */
export type ChatTestEmulatorOptions = Omit<GradioEmulatorOptions, 'app'> & ChatTestAppOptions;

/** Starts an emulator serving {@link chatTestApp}. */
export function startChatTestEmulator(options: ChatTestEmulatorOptions = {}): Promise<GradioEmulator> {
  const { answer, tokenSize, tokens, tidyWhitespace, ...emulatorOptions } = options;
  return startGradioEmulator({ ...emulatorOptions, app: chatTestApp({ answer, tokenSize, tokens, tidyWhitespace }) });
}
