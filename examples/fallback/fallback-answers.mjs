/** What the Space emulator answers: it names itself, so the output shows who answered. */
export function spaceAnswer(query) {
  return `The Qwen2-72B Space answers "${query}": Qwen2-72B is a 72-billion-parameter instruction-tuned language model.`;
}

/** What the Ollama emulator answers, from an OpenAI-style request body. */
export function ollamaAnswer(body) {
  const lastMessage = body.messages.at(-1);
  const query = typeof lastMessage?.content === 'string' ? lastMessage.content : '';
  return `Ollama (${body.model}) answers "${query}": Qwen2-72B is a 72-billion-parameter instruction-tuned language model.`;
}
