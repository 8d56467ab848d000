/** The kinds of provider package `switchboard new provider` writes. */
export const providerTemplates = {
  http: 'an HTTP API answering with server-sent events (tests: a scripted server)',
  'openai-compatible': 'an OpenAI-compatible /v1/chat/completions API (tests: the OpenAI emulator)',
  gradio: 'a Gradio app or Hugging Face Space (tests: the Gradio emulator and a small app)',
} as const;

/** A template name: `http`, `openai-compatible` or `gradio`. */
export type ProviderTemplate = keyof typeof providerTemplates;

/** The template used when none is named. */
export const defaultProviderTemplate: ProviderTemplate = 'http';

/** Every template name. */
export const providerTemplateNames = Object.keys(providerTemplates) as ProviderTemplate[];
