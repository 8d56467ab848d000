import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('Space emulator example', () => {
  it('drops the connection after three chunks; the provider reports the partial text; the requests are recorded', async () => {
    expect(await runExample(script)).toEqual({
      stdout: [
        'Hello!',
        'STREAM_TRUNCATED: partial text "Hello!"',
        'GET /config',
        'POST /queue/join',
        'GET /queue/data',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
