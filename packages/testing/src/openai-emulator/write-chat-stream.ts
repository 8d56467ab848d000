import type { ServerResponse } from 'node:http';
import { drained } from '../loopback/drained.js';
import { waitUnlessAborted } from '../loopback/wait-unless-aborted.js';
import { completionChunk, openAIErrorBody, usageChunk, usageOf, type ChunkHeader, type WireUsage } from './chat-completion-wire.js';
import type { OpenAIEmulatorFault, OpenAIEmulatorQuirks } from './openai-emulator-options.js';

/** Everything one streamed answer needs. */
export interface ChatStreamPlan {
  id: string;
  created: number;
  model: string;
  /** The content chunks, in order. */
  chunks: readonly string[];
  /** `null`: no finish chunk. */
  finishReason: string | null;
  includeUsage: boolean;
  promptTokens: number;
  tokenDelayMs: number;
  quirks: OpenAIEmulatorQuirks;
}

/** The kinds of fault that strike inside a stream. */
export const streamFaultKinds = ['error-event', 'end-without-done', 'drop-connection', 'malformed-json', 'oversized-event', 'stall'] as const;

/** A fault that strikes inside a stream. */
export type StreamFault = Extract<OpenAIEmulatorFault, { kind: (typeof streamFaultKinds)[number] }>;

const oversizedPieceBytes = 64 * 1024;

/**
 * Plays one streamed answer on an already started `text/event-stream` response, with the
 * plan's quirks and the fault, if any. Stops as soon as `signal` aborts (the client left, or
 * the emulator is closing). `markDropped` is called before the emulator itself destroys the socket.
 */
export async function writeChatStream(
  response: ServerResponse,
  plan: ChatStreamPlan,
  fault: StreamFault | undefined,
  signal: AbortSignal,
  markDropped: () => void,
): Promise<void> {
  const { quirks, chunks } = plan;
  const faultAt = fault === undefined ? -1 : Math.min(fault.afterTokens ?? 0, chunks.length);
  const usageMode = plan.includeUsage ? (quirks.usage ?? 'after-finish') : 'none';
  let sequence = 0;
  const header = (): ChunkHeader => ({
    id: quirks.changingIds ? `${plan.id}-${sequence++}` : plan.id,
    created: plan.created,
    model: plan.model,
  });
  const usageAfter = (tokens: number): WireUsage => usageOf(plan.promptTokens, tokens);
  const chunkUsage = (tokens: number): WireUsage | null | undefined =>
    usageMode === 'none' ? undefined : usageMode === 'every-chunk' ? usageAfter(tokens) : null;

  const write = async (text: string): Promise<boolean> => {
    if (signal.aborted || response.destroyed || response.writableEnded) return false;
    if (!response.write(text)) await drained(response);
    return !signal.aborted && !response.destroyed;
  };
  const send = (value: unknown): Promise<boolean> => write(`data: ${JSON.stringify(value)}\n\n`);
  const comment = async (): Promise<boolean> => quirks.comment === undefined || write(`: ${quirks.comment}\n\n`);

  /** Applies the fault; true when the stream is over. */
  const strike = async (faultToApply: StreamFault): Promise<boolean> => {
    switch (faultToApply.kind) {
      case 'error-event':
        await send(faultToApply.data ?? openAIErrorBody('The model failed while generating the answer.', 'server_error'));
        if (faultToApply.sendDone) await write('data: [DONE]\n\n');
        response.end();
        return true;
      case 'end-without-done':
        response.end();
        return true;
      case 'drop-connection':
        await new Promise<void>((resolve) => response.write('data: {"id":"', () => resolve()));
        markDropped();
        response.destroy();
        return true;
      case 'malformed-json':
        return !(await write('data: {"choices": [{"delta": {"content": unquoted text\n\n'));
      case 'oversized-event':
        return !(await writeOversized(write, faultToApply.bytes));
      case 'stall':
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          else signal.addEventListener('abort', () => resolve(), { once: true });
        });
        return true;
    }
  };

  if (!(await comment())) return;
  const opening = quirks.omitRole ? { content: '' } : { role: 'assistant', content: '' };
  if (!(await send(completionChunk(header(), opening, null, chunkUsage(0))))) return;
  for (let index = 0; index < chunks.length; index++) {
    if (index === faultAt && (await strike(fault!))) return;
    if (!(await waitUnlessAborted(plan.tokenDelayMs, signal))) return;
    if (!(await comment())) return;
    if (!(await send(completionChunk(header(), { content: chunks[index] }, null, chunkUsage(index + 1))))) return;
  }
  if (faultAt === chunks.length && (await strike(fault!))) return;
  const finalUsage = usageAfter(chunks.length);
  if (usageMode === 'before-finish' || usageMode === 'twice') {
    const early = usageMode === 'twice' ? usageAfter(Math.max(0, chunks.length - 1)) : finalUsage;
    if (!(await send(usageChunk(header(), early)))) return;
  }
  if (plan.finishReason !== null) {
    if (!(await send(completionChunk(header(), {}, plan.finishReason, chunkUsage(chunks.length))))) return;
  }
  if (usageMode === 'after-finish' || usageMode === 'twice') {
    if (!(await send(usageChunk(header(), finalUsage)))) return;
  }
  if (!quirks.omitDone && !(await write('data: [DONE]\n\n'))) return;
  response.end();
}

/** One `data:` line of exactly `bytes` bytes (prefix included), written in pieces. False once the client left. */
async function writeOversized(write: (text: string) => Promise<boolean>, bytes: number): Promise<boolean> {
  const opening = 'data: {"padding":"';
  const closing = '"}';
  let remaining = Math.max(0, bytes - opening.length - closing.length);
  const piece = 'x'.repeat(Math.min(oversizedPieceBytes, remaining));
  if (!(await write(opening))) return false;
  while (remaining > 0) {
    const size = Math.min(piece.length, remaining);
    remaining -= size;
    if (!(await write(size === piece.length ? piece : piece.slice(0, size)))) return false;
  }
  return write(`${closing}\n\n`);
}
