import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('core concepts example', () => {
  it('shows the default model, a warning, usage, pinning and three refused requests', async () => {
    expect(await runExample(script)).toEqual({
      stdout: [
        'no model named, so the default model; text parts; two settings:',
        '  warning: Provider Echo does not support "seed"; it was ignored.',
        '  text: one two three',
        '  finish: length, usage {"inputTokens":5,"outputTokens":3,"source":"estimated"}',
        'pinned to Mirror:',
        '  text: desserts',
        '  finish: stop, usage null',
        'refused before anything is sent:',
        '  INVALID_REQUEST (temperature): "temperature" must be a number >= 0 (got -1).',
        '  INVALID_REQUEST (messages): The conversation needs at least one message with role "user".',
        `  INVALID_REQUEST (messages[0].content[0]): messages[0]: Content part 0 is of type "image"; only text parts ({ type: 'text', text }) are supported.`,
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
