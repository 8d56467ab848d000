import { startOpenAIEmulator } from '@switchboard/testing';
import { benchAnswer, parseQuestion } from './bench-answer.js';
import { peerAnswer } from './peer-answer.js';
import { processUsage } from './process-usage.js';
import { serveCalls } from './serve-calls.js';

/**
 * The bench's OpenAI-compatible upstream (`startOpenAIEmulator`) in a process of its own,
 * answering each bench question with its answer, `peerAnswer.chunkChars` characters per
 * streamed chunk. Announces its API base URL; answers `usage`.
 */
const emulator = await startOpenAIEmulator({
  tokenSize: peerAnswer.chunkChars,
  answer: (body) => {
    const last = body.messages.at(-1)?.content;
    const asked = typeof last === 'string' ? parseQuestion(last) : undefined;
    return asked === undefined ? 'not a bench question' : benchAnswer(asked.count);
  },
});
serveCalls(emulator.baseUrl, { usage: () => processUsage(), forgetRequests: () => void emulator.requests.splice(0) }, () => emulator.close());
