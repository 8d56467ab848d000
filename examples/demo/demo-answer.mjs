/** What the built-in emulator answers: a few sentences about the question, streamed in small pieces. */
export function demoAnswer(query) {
  return [
    `You asked: "${query}"`,
    '',
    'This answer comes from the built-in Gradio Space emulator, which speaks the same queue',
    'protocol as the Qwen2-72B-Instruct Space: the request joined a queue, waited for its turn,',
    'and the text arrived as a stream of diffs that Switchboard applied one by one.',
    '',
    'Run `pnpm demo --live "your question"` to ask the real Space instead.',
  ].join('\n');
}
