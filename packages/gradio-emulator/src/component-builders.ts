import type { AppComponent, ComponentApi } from './gradio-app.js';

type Props = Record<string, unknown>;

const latexDelimiters = [{ left: '$$', right: '$$', display: true }];
const textApi = { schema: { type: 'string' }, pythonType: 'str' };

/** JSON schema of a Chatbot value in the pair ("tuples") format. */
export const chatbotSchema = {
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

function valueComponent(id: number, type: string, props: Props, api: ComponentApi): AppComponent {
  return { id, type, props: { elem_classes: [], visible: true, ...props, _selectable: false }, api };
}

/** A layout block (`row`, `column`, `form`, ...): no value, left out of the API. */
export function layoutBlock(id: number, type: string, props: Props = {}): AppComponent {
  return { id, type, props };
}

/** A `gr.Textbox`; `props` override its defaults (`visible`, `lines`, ...). */
export function textboxComponent(id: number, label: string, value = '', props: Props = {}): AppComponent {
  const defaults: Props = {
    value,
    lines: 1,
    max_lines: 20,
    label,
    show_label: true,
    container: true,
    min_width: 160,
    autofocus: false,
    autoscroll: true,
    type: 'text',
    rtl: false,
    show_copy_button: false,
  };
  return valueComponent(id, 'textbox', { ...defaults, ...props }, { ...textApi, className: 'Textbox', configExample: 'Hello!!', infoExample: 'Hello!!' });
}

/** A `gr.Button` showing `value`. */
export function buttonComponent(id: number, value: string, props: Props = {}): AppComponent {
  const defaults: Props = { value, variant: 'secondary', interactive: true, scale: null, min_width: 160 };
  return valueComponent(id, 'button', { ...defaults, ...props }, { ...textApi, className: 'Button', configExample: null, infoExample: null });
}

/** A `gr.Markdown` showing `value`. */
export function markdownComponent(id: number, value: string, props: Props = {}): AppComponent {
  const defaults: Props = { value, rtl: false, latex_delimiters: latexDelimiters, sanitize_html: true, line_breaks: false, header_links: false };
  return valueComponent(id, 'markdown', { ...defaults, ...props }, { ...textApi, className: 'Markdown', configExample: '# Hello!', infoExample: '# Hello!' });
}

/**
 * A `gr.Chatbot` holding `[user, bot]` pairs. Gradio 5 lists its format as `type: "tuples"`;
 * the emulator adds that prop when it impersonates Gradio 5.
 */
export function chatbotComponent(id: number, label: string, props: Props = {}): AppComponent {
  const defaults: Props = {
    value: [],
    label,
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
  const api: ComponentApi = {
    schema: chatbotSchema,
    pythonType: 'List[List[str | Dict(file: filepath, alt_text: str | None) | None]]',
    className: 'Chatbot',
    configExample: [['Hello!', null]],
    infoExample: [],
  };
  return valueComponent(id, 'chatbot', { ...defaults, ...props }, api);
}
