import { chatbotPairs, chatbotReply, splitText, type AppFunction, type ChatbotPair, type GradioApp } from '@switchboard/gradio-emulator';
import { qwenSpaceComponentIds as ids, qwenSpaceComponents, qwenSpaceLayout } from './qwen-space-components.js';

/** What the emulated Space answers, and how its chat function streams it. */
export interface QwenSpaceAppOptions {
  /**
   * The assistant's answer, or a function of the query, the earlier `[user, assistant]` pairs
   * and the system prompt. Default: `Hello! You asked: <query>`.
   */
  answer?: string | ((query: string, history: ChatbotPair[], system: string) => string);
  /** Characters per streamed chunk when `tokens` is not given. Default 4. */
  tokenSize?: number;
  /** Explicit chunking of the answer; each chunk becomes one yield of the chat function. */
  tokens?: (answer: string) => string[];
  /**
   * Tidy every chat string with Python's `inspect.cleandoc`, as the Space's Chatbot does.
   * Default true. Produces `replace` edits and newlines glued to the next append.
   */
  tidyWhitespace?: boolean;
  /**
   * The earlier pairs the chat function returns in place of those it was sent, e.g.
   * `(history) => history.slice(-2)` to keep the last two turns, or
   * `(history) => [['Hello', 'Hi!'], ...history]` to add one in front. The answer's pair then
   * comes after these. Default: the pairs as sent.
   */
  rewriteHistory?: (history: ChatbotPair[]) => ChatbotPair[];
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/**
 * The Qwen2-72B-Instruct Space as a Gradio app for `startGradioEmulator`: its page, and its
 * functions. Dependencies 0 (Input `submit`) and 1 (Send `click`) stream
 * `model_chat(query, history, system)` as `["", history + [[query, answer so far]], system]`,
 * the answer growing chunk by chunk and tidied like the Chatbot shows it; 2
 * (`clear_session`) returns `["", []]`, 3 (`modify_system_session`) `[system, system, []]`.
 */
export function qwenSpaceApp(options: QwenSpaceAppOptions = {}): GradioApp {
  const { answer = (query: string) => `Hello! You asked: ${query}`, rewriteHistory } = options;
  const answerTo = typeof answer === 'string' ? () => answer : answer;
  const tokensOf = options.tokens ?? ((text: string) => splitText(text, options.tokenSize ?? 4));
  function* modelChat([queryInput, historyInput, systemInput]: unknown[]) {
    const query = asText(queryInput);
    const sent = Array.isArray(historyInput) ? historyInput.filter((pair): pair is unknown[] => Array.isArray(pair)) : [];
    const system = systemInput === null || systemInput === undefined ? null : asText(systemInput);
    const tokens = tokensOf(answerTo(query, chatbotPairs(sent), system ?? ''));
    const history = rewriteHistory ? rewriteHistory(chatbotPairs(sent)) : sent;
    for (const step of chatbotReply({ history, message: query, tokens, tidyWhitespace: options.tidyWhitespace })) {
      yield { values: ['', step.value, system], edits: step.edits && [[], step.edits, []] };
    }
  }
  const chat = { inputs: [ids.input, ids.chatbot, ids.systemState], outputs: [ids.input, ids.chatbot, ids.system] };
  const functions: AppFunction[] = [
    { apiName: 'model_chat', trigger: [ids.input, 'submit'], ...chat, parameterNames: ['query', 'history', 'system'], generator: true, run: modelChat },
    { apiName: 'model_chat_1', trigger: [ids.sendButton, 'click'], ...chat, parameterNames: ['query', 'history', 'system'], generator: true, run: modelChat },
    { apiName: 'clear_session', trigger: [ids.clearButton, 'click'], inputs: [], outputs: [ids.input, ids.chatbot], run: () => ['', []] },
    {
      apiName: 'modify_system_session',
      trigger: [ids.setSystemButton, 'click'],
      inputs: [ids.system],
      outputs: [ids.systemState, ids.system, ids.chatbot],
      parameterNames: ['system'],
      run: ([system]) => [asText(system), asText(system), []],
    },
  ];
  return { components: qwenSpaceComponents(), layout: qwenSpaceLayout, functions, spaceId: 'Qwen/Qwen2-72B-Instruct' };
}
