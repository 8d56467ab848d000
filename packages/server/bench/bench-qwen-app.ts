import type { AppCallContext, AppFunction, AppYield, GeneratorAppFunction, GradioApp } from '@switchboard/gradio-emulator';
import { qwenSpaceApp } from '@switchboard/provider-qwen2-72b/testing';
import { benchTokens, parseQuestion } from './bench-answer.js';
import type { HoldGate } from './hold-gate.js';

/** Tokens a held answer streams before it waits for the gate. */
export const tokensBeforeHold = 2;

/**
 * The Qwen Space's app answering the bench's questions ({@link benchQuestion}) with
 * {@link benchTokens}, one yield per token and no whitespace tidying (the bench measures the
 * readers, not the emulator). A held question's answer stops after {@link tokensBeforeHold}
 * tokens until `gate` opens.
 */
export function benchQwenApp(gate: HoldGate): GradioApp {
  const tokensByAnswer = new Map<string, string[]>();
  const answerTo = (question: string) => {
    const asked = parseQuestion(question);
    if (asked === undefined) throw new Error(`the bench Space only answers its own questions, not ${JSON.stringify(question)}`);
    const tokens = benchTokens(asked.count);
    const answer = tokens.join('');
    tokensByAnswer.set(answer, tokens);
    return answer;
  };
  const app = qwenSpaceApp({ answer: answerTo, tokens: (answer) => tokensByAnswer.get(answer) ?? [answer], tidyWhitespace: false });
  return { ...app, functions: app.functions.map((fn) => (fn.generator ? holdable(fn, gate) : fn)) };
}

function holdable(fn: GeneratorAppFunction, gate: HoldGate): AppFunction {
  return {
    ...fn,
    run: (inputs: unknown[], context: AppCallContext) => heldSteps(fn.run(inputs, context), parseQuestion(String(inputs[0]))?.held === true, gate),
  };
}

async function* heldSteps(steps: Iterable<AppYield> | AsyncIterable<AppYield>, held: boolean, gate: HoldGate): AsyncGenerator<AppYield> {
  let sent = 0;
  for await (const step of steps) {
    if (held && sent === tokensBeforeHold) await gate.wait();
    yield step;
    sent++;
  }
}
