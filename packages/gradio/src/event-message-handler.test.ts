import { GradioAppError, ProtocolError, StreamTruncatedError } from '@switchboard/core';
import { describe, expect, it, vi } from 'vitest';
import { EventMessageHandler, type MessageFormat } from './event-message-handler.js';

const ours = 'a'.repeat(32);
const theirs = 'b'.repeat(32);
const diffs: MessageFormat = { usesDiffs: true, listDeleteMode: 'sequential', noneMeansHidden: false };
const handle = (message: unknown, handler = new EventMessageHandler(ours, diffs)) => handler.handle(JSON.stringify(message));

describe('EventMessageHandler', () => {
  it('maps estimation and process_starts, turning missing or odd numbers into null', () => {
    expect(handle({ msg: 'estimation', event_id: ours, rank: null, queue_size: 4, rank_eta: null })).toEqual({
      type: 'queued',
      rank: null,
      queueSize: 4,
      etaSeconds: null,
    });
    expect(handle({ msg: 'estimation', event_id: ours, rank: '1' })).toEqual({ type: 'queued', rank: null, queueSize: null, etaSeconds: null });
    expect(handle({ msg: 'process_starts', event_id: ours })).toEqual({ type: 'started', etaSeconds: null });
  });

  it('ignores anything of another event, whatever its shape, and advisory messages of its own', () => {
    expect(handle({ msg: 'process_generating', event_id: theirs })).toBeNull();
    expect(handle({ msg: 'process_completed', event_id: theirs, success: false })).toBeNull();
    expect(handle({ msg: 'unexpected_error', event_id: theirs, message: 'not ours' })).toBeNull();
    expect(handle({ msg: 'log', event_id: ours, log: 'boom', level: 'error' })).toBeNull();
    expect(handle({ msg: 'process_completed', success: true, output: { data: [1] } })).toBeNull();
  });

  it('treats stream-level messages as its own, with or without event_id null', () => {
    expect(handle({ msg: 'heartbeat' })).toEqual({ type: 'heartbeat' });
    expect(() => handle({ msg: 'close_stream', event_id: null })).toThrow(StreamTruncatedError);
    expect(() => handle({ msg: 'unexpected_error', message: 'down' })).toThrow(GradioAppError);
    expect(() => handle({ msg: 'unexpected_error', event_id: ours, message: 42 })).toThrow(/gave no details/);
  });

  it('reads a failure without an output object as a hidden error', () => {
    try {
      handle({ msg: 'process_completed', event_id: ours, success: false });
      expect.unreachable();
    } catch (error) {
      expect((error as GradioAppError).serverMessage).toBeNull();
    }
  });

  it('rejects malformed completions and outputs of its own event', () => {
    expect(() => handle({ msg: 'process_completed', event_id: ours, success: true })).toThrow(ProtocolError);
    expect(() => handle({ msg: 'process_completed', event_id: ours, output: { data: 'x' } })).toThrow(/data field that is not a list/);
    expect(() => handle({ msg: 'process_generating', event_id: ours, output: [] })).toThrow(/no output object/);
    expect(() => handle({ msg: 7 })).toThrow(/no msg field/);
    expect(() => new EventMessageHandler(ours, diffs).handle('')).toThrow(/not valid JSON/);
  });

  it('keeps full values when the format has no diffs and reports is_generating', () => {
    const handler = new EventMessageHandler(ours, { ...diffs, usesDiffs: false });
    handle({ msg: 'process_generating', event_id: ours, output: { data: ['a'] } }, handler);
    expect(handle({ msg: 'process_generating', event_id: ours, output: { data: [['x']], is_generating: false } }, handler)).toEqual({
      type: 'output',
      values: [['x']],
      isGenerating: false,
      edits: null,
    });
    expect(handler.values).toEqual([['x']]);
  });

  it('reads append messages through a learned template with the results of a full parse', () => {
    const handler = new EventMessageHandler(ours, diffs);
    const output = (data: unknown[], isGenerating = true, eventId = ours) =>
      handle({ msg: 'process_generating', event_id: eventId, output: { data, is_generating: isGenerating, duration: 0.01 }, success: true }, handler);
    const appendOf = (text: string) => [[], [['append', [0, 1], text]], []];
    const long = 'é😀 and a long tail'.repeat(3);
    expect(output(['', [['q', 'A']], 's'])).toMatchObject({ values: ['', [['q', 'A']], 's'], edits: null });
    expect(output(appendOf('b'))).toEqual({ type: 'output', values: ['', [['q', 'Ab']], 's'], isGenerating: true, edits: appendOf('b') });
    const parse = vi.spyOn(JSON, 'parse');
    expect(output(appendOf('c\n"d"'))).toEqual({ type: 'output', values: ['', [['q', 'Abc\n"d"']], 's'], isGenerating: true, edits: appendOf('c\n"d"') });
    expect(parse.mock.calls.filter(([text]) => String(text).startsWith('{'))).toEqual([]);
    parse.mockRestore();
    expect(output(appendOf('x'), true, theirs)).toBeNull();
    expect(output([[], [['replace', [0, 1], 'Z']], []])).toMatchObject({ values: ['', [['q', 'Z']], 's'] });
    expect(output(appendOf(long))).toEqual({ type: 'output', values: ['', [['q', `Z${long}`]], 's'], isGenerating: true, edits: appendOf(long) });
    expect(output(appendOf('!'), false)).toMatchObject({ values: ['', [['q', `Z${long}!`]], 's'], isGenerating: false });
    expect(output(appendOf('?'), false)).toMatchObject({ values: ['', [['q', `Z${long}!?`]], 's'], isGenerating: false });
  });

  it('rejects a templated append that no longer fits the values, leaving them as they were', () => {
    const handler = new EventMessageHandler(ours, diffs);
    const output = (data: unknown[]) =>
      handle({ msg: 'process_generating', event_id: ours, output: { data, is_generating: true }, success: true }, handler);
    output(['', [['q', 'A']], 's']);
    output([[], [['append', [0, 1], 'b']], []]);
    output([[], [['replace', [], []]], []]);
    expect(() => output([[], [['append', [0, 1], 'c']], []])).toThrow(ProtocolError);
    expect(handler.values).toEqual(['', [], 's']);
  });
});
