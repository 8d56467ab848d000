/** The Qwen2-72B-Instruct Space's app, as its /config describes it. */

export const defaultSystemPrompt = 'You are a helpful assistant.';

/** Component ids of the Space (the ids third-party clients send as `trigger_id`). */
export const componentIds = {
  title: 1,
  systemRow: 2,
  systemColumn: 3,
  system: 4,
  systemForm: 5,
  buttonColumn: 6,
  setSystemButton: 7,
  systemState: 8,
  systemStateForm: 9,
  chatbot: 10,
  input: 11,
  buttonRow: 12,
  clearButton: 13,
  sendButton: 14,
  inputForm: 15,
} as const;

/** One backend function of the app. */
export interface SpaceFunction {
  fnIndex: number;
  apiName: string;
  trigger: [componentId: number, event: string];
  inputs: number[];
  outputs: number[];
  generator: boolean;
}

const ids = componentIds;

/** Dependencies 0 (Input submit) and 1 (Send click) stream `model_chat`; 2 and 3 are plain functions. */
export const spaceFunctions: readonly SpaceFunction[] = [
  {
    fnIndex: 0,
    apiName: 'model_chat',
    trigger: [ids.input, 'submit'],
    inputs: [ids.input, ids.chatbot, ids.systemState],
    outputs: [ids.input, ids.chatbot, ids.system],
    generator: true,
  },
  {
    fnIndex: 1,
    apiName: 'model_chat_1',
    trigger: [ids.sendButton, 'click'],
    inputs: [ids.input, ids.chatbot, ids.systemState],
    outputs: [ids.input, ids.chatbot, ids.system],
    generator: true,
  },
  {
    fnIndex: 2,
    apiName: 'clear_session',
    trigger: [ids.clearButton, 'click'],
    inputs: [],
    outputs: [ids.input, ids.chatbot],
    generator: false,
  },
  {
    fnIndex: 3,
    apiName: 'modify_system_session',
    trigger: [ids.setSystemButton, 'click'],
    inputs: [ids.system],
    outputs: [ids.systemState, ids.system, ids.chatbot],
    generator: false,
  },
];

/** The layout tree: Gradio wraps form components in implicit `form` blocks. */
export const spaceLayout = {
  id: 0,
  children: [
    { id: ids.title },
    {
      id: ids.systemRow,
      children: [
        { id: ids.systemColumn, children: [{ id: ids.systemForm, children: [{ id: ids.system }] }] },
        { id: ids.buttonColumn, children: [{ id: ids.setSystemButton }] },
        { id: ids.systemStateForm, children: [{ id: ids.systemState }] },
      ],
    },
    { id: ids.chatbot },
    { id: ids.inputForm, children: [{ id: ids.input }] },
    { id: ids.buttonRow, children: [{ id: ids.clearButton }, { id: ids.sendButton }] },
  ],
};
