import { describe, expect, it } from 'vitest';
import { encodeJson } from './encode-json.js';
import {
  closeStreamMessage,
  errorOutput,
  estimationMessage,
  heartbeatMessage,
  processCompletedMessage,
  processGeneratingMessage,
  serverMessageFormat,
  successOutput,
  unexpectedErrorMessage,
} from './server-messages.js';
import { frameEvent, sseBody } from './sse-frame.js';

const gradio4_36 = serverMessageFormat('4.36.1');
const gradio5 = serverMessageFormat('5.9.1');
const gradio4_16 = serverMessageFormat('4.16.0');
const timing = { duration: 0.5, averageDuration: 1 };

describe('serverMessageFormat', () => {
  it('derives the fields of a release from its version', () => {
    expect(gradio4_16).toEqual({
      nullStreamEventIds: false,
      generatingTimeLimit: false,
      completedTitle: false,
      renderFields: false,
      quotesErrorMessages: true,
      typedMessages: false,
    });
    expect(serverMessageFormat('4.22.0')).toMatchObject({ typedMessages: true, renderFields: false });
    expect(gradio4_36).toMatchObject({ renderFields: true, nullStreamEventIds: false, quotesErrorMessages: true });
    expect(serverMessageFormat('4.44.1')).toMatchObject({ nullStreamEventIds: true, generatingTimeLimit: false });
    expect(serverMessageFormat('5.0.0')).toMatchObject({ generatingTimeLimit: true, completedTitle: false, quotesErrorMessages: true });
    expect(gradio5).toMatchObject({ completedTitle: true, quotesErrorMessages: false });
    expect(() => serverMessageFormat('latest')).toThrow(TypeError);
  });
});

describe('server messages', () => {
  it('lay out a generating message of 4.36 in wire order', () => {
    const message = processGeneratingMessage(gradio4_36, 'E', successOutput(gradio4_36, ['a'], true, timing));
    expect(encodeJson(message, 'compact')).toBe(
      '{"msg":"process_generating","event_id":"E","output":{"data":["a"],"is_generating":true,"duration":0.5,"average_duration":1.0,"render_config":null,"changed_state_ids":[]},"success":true}',
    );
  });

  it('add the fields of Gradio 5 and leave out those older releases lack', () => {
    const completed = processCompletedMessage(gradio5, 'E', errorOutput(gradio5, 'boom'), false);
    expect(encodeJson(completed, 'compact')).toBe(
      '{"msg":"process_completed","event_id":"E","output":{"error":"boom","duration":null,"visible":true,"title":"Error"},"success":false,"title":null}',
    );
    expect(processGeneratingMessage(gradio5, 'E', {})).toHaveProperty('time_limit', null);
    expect(successOutput(gradio4_16, [], false, timing)).not.toHaveProperty('render_config');
    expect([heartbeatMessage(gradio5), closeStreamMessage(gradio4_36)]).toEqual([
      { msg: 'heartbeat', event_id: null },
      { msg: 'close_stream' },
    ]);
  });

  it('quote app errors before 5.2 and report hidden ones as given', () => {
    expect(errorOutput(gradio4_36, 'boom')).toEqual({ error: "'boom'" });
    expect(errorOutput(gradio4_16, null, 'None')).toEqual({ error: 'None' });
    expect(errorOutput(gradio4_36, null)).toEqual({ error: null });
  });

  it('shape unexpected_error by generation', () => {
    expect(encodeJson(unexpectedErrorMessage(gradio4_16, 'x'), 'python')).toBe('{"msg": "unexpected_error", "message": "x"}');
    expect(unexpectedErrorMessage(gradio4_36, 'x')).toEqual({ msg: 'unexpected_error', message: 'x', success: false });
    expect(Object.keys(unexpectedErrorMessage(gradio5, 'x'))).toEqual(['msg', 'event_id', 'message', 'success']);
  });

  it('frame messages as data lines followed by a blank line', () => {
    const messages = [estimationMessage('E', 0, 1, 2), { msg: 'x', text: 'é' }];
    expect(frameEvent('{}')).toBe('data: {}\n\n');
    expect(sseBody(messages)).toBe('data: {"msg":"estimation","event_id":"E","rank":0,"queue_size":1,"rank_eta":2.0}\n\ndata: {"msg":"x","text":"é"}\n\n');
    expect(sseBody(messages.slice(1), (message) => encodeJson(message, 'python'))).toBe('data: {"msg": "x", "text": "\\u00e9"}\n\n');
  });
});
