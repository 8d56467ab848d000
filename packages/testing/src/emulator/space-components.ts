import type { ProtocolProfile } from './protocol-profile.js';
import { componentIds, defaultSystemPrompt } from './qwen-space-app.js';

type Props = Record<string, unknown>;

const ids = componentIds;
const latexDelimiters = [{ left: '$$', right: '$$', display: true }];

/** JSON schema of the Chatbot value in pair ("tuples") format. */
export const chatbotApiInfo = {
  type: 'array',
  items: {
    type: 'array',
    items: { anyOf: [{ type: 'string' }, { $ref: '#/$defs/FileMessage' }, { type: 'null' }] },
    maxItems: 2,
    minItems: 2,
  },
  $defs: {
    FileMessage: {
      type: 'object',
      properties: { file: { type: 'object' }, alt_text: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      required: ['file'],
    },
  },
};

function block(id: number, type: string, props: Props) {
  return { id, type, props: { ...props, name: type }, skip_api: true, component_class_id: `${type}-class` };
}

function component(id: number, type: string, props: Props, apiInfo: unknown, example: unknown) {
  return {
    id,
    type,
    props: { elem_classes: [], visible: true, ...props, name: type, _selectable: false },
    skip_api: false,
    component_class_id: `${type}-class`,
    api_info: apiInfo,
    example_inputs: example,
  };
}

function textbox(id: number, label: string, value: string, visible: boolean) {
  return component(
    id,
    'textbox',
    {
      value,
      lines: 1,
      max_lines: 20,
      label,
      show_label: true,
      container: true,
      min_width: 160,
      visible,
      autofocus: false,
      autoscroll: true,
      type: 'text',
      rtl: false,
      show_copy_button: false,
    },
    { type: 'string' },
    'Hello!!',
  );
}

function button(id: number, value: string, scale: number | null) {
  return component(
    id,
    'button',
    { value, variant: 'secondary', interactive: true, scale, min_width: 160 },
    { type: 'string' },
    null,
  );
}

/** The `components` list of /config. */
export function spaceComponents(profile: ProtocolProfile): unknown[] {
  const chatbotProps: Props = {
    value: [],
    label: 'qwen2-72b-instruct',
    show_label: true,
    container: true,
    min_width: 160,
    likeable: false,
    show_share_button: false,
    show_copy_button: false,
    sanitize_html: true,
    render_markdown: true,
    bubble_full_width: true,
    line_breaks: true,
    rtl: false,
    latex_delimiters: latexDelimiters,
    layout: null,
  };
  if (profile.version === '5') chatbotProps.type = 'tuples';
  return [
    component(
      ids.title,
      'markdown',
      {
        value: '<center><font size=8>Qwen2-72B-instruct Bot👾</center>',
        rtl: false,
        latex_delimiters: latexDelimiters,
        sanitize_html: true,
        line_breaks: false,
        header_links: false,
      },
      { type: 'string' },
      '# Hello!',
    ),
    block(ids.systemRow, 'row', { variant: 'default', visible: true, equal_height: true }),
    block(ids.systemColumn, 'column', { scale: 3, min_width: 320, variant: 'default', visible: true }),
    textbox(ids.system, 'System', defaultSystemPrompt, true),
    block(ids.systemForm, 'form', { scale: 3, min_width: 160 }),
    block(ids.buttonColumn, 'column', { scale: 1, min_width: 320, variant: 'default', visible: true }),
    button(ids.setSystemButton, '🛠️ Set system prompt and clear history', 2),
    textbox(ids.systemState, 'Textbox', defaultSystemPrompt, false),
    block(ids.systemStateForm, 'form', { scale: 0, min_width: 160 }),
    component(ids.chatbot, 'chatbot', chatbotProps, chatbotApiInfo, [['Hello!', null]]),
    textbox(ids.input, 'Input', '', true),
    block(ids.buttonRow, 'row', { variant: 'default', visible: true, equal_height: true }),
    button(ids.clearButton, '🧹 Clear history', null),
    button(ids.sendButton, '🚀 Send', null),
    block(ids.inputForm, 'form', { scale: 0, min_width: 160 }),
  ];
}
