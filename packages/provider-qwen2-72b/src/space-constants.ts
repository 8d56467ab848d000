/**
 * The Space's chat event. Its /config lists dependency 0 (the Input textbox's `submit`)
 * and dependency 1 (the Send button's `click`), both calling `model_chat` with inputs
 * `[Input, Chatbot, system_state]` and outputs `[Input, Chatbot, System]`. Dependency 0 is
 * what existing clients call; trigger id 11 is the Input textbox's component id, which the
 * server only copies into event metadata.
 */
export const chatFunctionIndex = 0;
export const chatTriggerId = 11;

/** The system prompt the Space's own page starts with. */
export const defaultSystemPrompt = 'You are a helpful assistant.';

/** Index of the Chatbot value in the event's outputs `[Input, Chatbot, System]`. */
export const chatbotOutputIndex = 1;
