import { buttonComponent, chatbotComponent, layoutBlock, markdownComponent, textboxComponent, type AppComponent, type LayoutNode } from '@switchboard/gradio-emulator';

/** The system prompt the Space's page starts with. */
export const qwenSpaceSystemPrompt = 'You are a helpful assistant.';

/** Component ids of the Space (the ids third-party clients send as `trigger_id`). */
export const qwenSpaceComponentIds = {
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

const ids = qwenSpaceComponentIds;
const row = { variant: 'default', visible: true, equal_height: true };
const column = (scale: number) => ({ scale, min_width: 320, variant: 'default', visible: true });
const form = (scale: number) => ({ scale, min_width: 160 });

/** The components of the Space's page, in the order its /config lists them. */
export function qwenSpaceComponents(): AppComponent[] {
  return [
    markdownComponent(ids.title, '<center><font size=8>Qwen2-72B-instruct Bot👾</center>'),
    layoutBlock(ids.systemRow, 'row', row),
    layoutBlock(ids.systemColumn, 'column', column(3)),
    textboxComponent(ids.system, 'System', qwenSpaceSystemPrompt),
    layoutBlock(ids.systemForm, 'form', form(3)),
    layoutBlock(ids.buttonColumn, 'column', column(1)),
    buttonComponent(ids.setSystemButton, '🛠️ Set system prompt and clear history', { scale: 2 }),
    textboxComponent(ids.systemState, 'Textbox', qwenSpaceSystemPrompt, { visible: false }),
    layoutBlock(ids.systemStateForm, 'form', form(0)),
    chatbotComponent(ids.chatbot, 'qwen2-72b-instruct'),
    textboxComponent(ids.input, 'Input'),
    layoutBlock(ids.buttonRow, 'row', row),
    buttonComponent(ids.clearButton, '🧹 Clear history'),
    buttonComponent(ids.sendButton, '🚀 Send'),
    layoutBlock(ids.inputForm, 'form', form(0)),
  ];
}

/** The layout tree under the root: Gradio wraps form components in implicit `form` blocks. */
export const qwenSpaceLayout: LayoutNode[] = [
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
];
