import { Command, Option } from 'commander';
import type { ChatMessage, ProviderRegistry } from '@switchboard/core';
import type { AnswerSource } from '../chat/answer-source.js';
import { readAll } from '../chat/read-all.js';
import { runChatSession, sessionCommands } from '../chat/run-chat-session.js';
import { runOneShot } from '../chat/run-one-shot.js';
import type { CommandContext } from '../command-context.js';
import { exitCodes } from '../exit-codes.js';
import { prepareRegistry } from '../providers/prepare-registry.js';
import { UsageError } from '../usage-error.js';
import { configOption, emulatorOption, type RegistryCommandOptions } from './registry-options.js';

interface ChatOptions extends RegistryCommandOptions {
  model?: string;
  system?: string;
}

/**
 * `switchboard chat`: one answer for a prompt given as arguments or on standard input, or a
 * multi-turn session on a terminal.
 */
export function chatCommand(context: CommandContext): Command {
  return new Command('chat')
    .summary('ask one question, or hold a conversation on a terminal')
    .description(
      'Ask a question. The prompt comes from the arguments or from standard input, and the answer alone is ' +
        'printed on stdout. On a terminal without a prompt, start a conversation that keeps its history.',
    )
    .argument('[prompt...]', 'the question (words are joined with spaces)')
    .addOption(new Option('-m, --model <name>', 'model id or alias (default: the configuration\'s defaultModel)'))
    .option('-s, --system <text>', 'system prompt')
    .addOption(configOption())
    .addOption(emulatorOption())
    .addHelpText(
      'after',
      `\nIn a conversation, Ctrl-C stops the current answer and Ctrl-C at the prompt (or Ctrl-D, or ${sessionCommands.exit}) exits;\n` +
        `${sessionCommands.reset} forgets the conversation. Queue position and progress are shown on stderr.`,
    )
    .action(async (words: string[], options: ChatOptions) => {
      const { io } = context;
      const interactive = words.length === 0 && io.stdin.isTTY === true;
      const question = interactive ? '' : words.length > 0 ? words.join(' ') : (await readAll(io.stdin)).trim();
      if (!interactive && question.trim() === '') {
        throw new UsageError('No prompt: pass the question as arguments, pipe it on standard input, or run on a terminal for a conversation.');
      }
      const prepared = await prepareRegistry({ configPath: options.config, emulator: options.emulator, cwd: io.cwd });
      try {
        const answer = answerSource(prepared.registry, options.model);
        const model = options.model ?? prepared.registry.defaultModel ?? 'the default model';
        if (interactive) {
          await runChatSession({
            input: io.stdin,
            output: io.stdout,
            errorOutput: io.stderr,
            terminal: io.stdout.isTTY === true,
            answer,
            system: options.system,
            greeting: `Chatting with ${model}. Ctrl-C stops an answer; Ctrl-C at the prompt or Ctrl-D exits; ${sessionCommands.reset} forgets the conversation.`,
            interrupts: context.signals,
          });
          return;
        }
        context.setExitCode(await oneShot(context, answer, messagesFor(question, options.system)));
      } finally {
        await prepared.close();
      }
    });
}

function answerSource(registry: ProviderRegistry, model: string | undefined): AnswerSource {
  return (messages, { signal, onEvent }) => registry.stream({ ...(model === undefined ? {} : { model }), messages }, { signal, onEvent });
}

function messagesFor(question: string, system: string | undefined): ChatMessage[] {
  return [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user', content: question }];
}

async function oneShot(context: CommandContext, answer: AnswerSource, messages: ChatMessage[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const interrupt = () => {
    interrupts += 1;
    if (interrupts === 1) controller.abort();
    else process.exit(exitCodes.interrupted);
  };
  context.signals.on('SIGINT', interrupt);
  try {
    return await runOneShot({ messages, answer, output: context.io.stdout, errorOutput: context.io.stderr, signal: controller.signal });
  } finally {
    context.signals.off('SIGINT', interrupt);
  }
}
