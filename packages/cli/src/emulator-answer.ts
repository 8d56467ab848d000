/**
 * What the built-in Space emulator answers: the question quoted back, how many earlier
 * exchanges the Space received, and a few sentences about where the text comes from.
 */
export function emulatorAnswer(query: string, history: readonly (readonly [string, string])[]): string {
  const turn = history.length === 0 ? 'the first question of this conversation' : `question ${history.length + 1}; the Space also received the ${history.length} earlier exchange${history.length === 1 ? '' : 's'}`;
  return [
    `You asked: "${query}" (${turn}).`,
    '',
    'This answer comes from the built-in Gradio Space emulator on 127.0.0.1. It speaks the',
    'queue protocol of the Qwen2-72B-Instruct Space: the request joined a queue, waited for',
    'its turn, and the text arrived as a stream of diffs.',
    '',
    'Leave out --emulator to ask the real Space, or set QWEN2_72B_URL to use another one.',
  ].join('\n');
}
