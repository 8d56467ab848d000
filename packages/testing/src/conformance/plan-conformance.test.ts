import type { ProviderMetadata } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import type { ProviderConformanceOptions } from './conformance-harness.js';
import { planConformance } from './plan-conformance.js';

const metadata: ProviderMetadata = {
  name: 'Planned',
  label: 'Planned',
  url: 'https://example.invalid',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'm',
  models: ['m'],
  modelAliases: {},
};

function plan(declarations: Partial<ProviderConformanceOptions>, overrides: Partial<ProviderMetadata> = {}) {
  const options = { providerClass: class {}, start: () => ({}), ...declarations } as unknown as ProviderConformanceOptions;
  return planConformance(options, { ...metadata, ...overrides });
}

describe('planConformance', () => {
  it('runs the failure kinds opted into and skips the others with their reason', () => {
    const result = plan({
      failures: { truncated: 'STREAM_TRUNCATED', malformed: 'PROTOCOL', 'connection-refused': 'CONNECTION' },
      skip: { 'queue-full': 'no queue', 'server-error': 'no HTTP', 'app-error': ' no app ' },
    });
    expect(result.failures).toEqual([
      { failure: 'queue-full', mode: 'skip', reason: 'no queue' },
      { failure: 'server-error', mode: 'skip', reason: 'no HTTP' },
      { failure: 'app-error', mode: 'skip', reason: 'no app' },
      { failure: 'truncated', mode: 'run', code: 'STREAM_TRUNCATED' },
      { failure: 'malformed', mode: 'run', code: 'PROTOCOL' },
      { failure: 'connection-refused', mode: 'run', code: 'CONNECTION' },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('marks a kind declared nowhere, declared twice, or skipped without a reason as invalid, saying how to fix it', () => {
    const result = plan({
      failures: { truncated: 'STREAM_TRUNCATED', 'server-error': '' },
      skip: { truncated: 'cannot', malformed: '  ' },
    });
    const byKind = Object.fromEntries(result.failures.map((entry) => [entry.failure, entry]));
    expect(byKind['queue-full']).toMatchObject({ mode: 'invalid', problem: expect.stringContaining("failures: { 'queue-full': 'CODE' }") });
    expect(byKind.truncated).toMatchObject({ mode: 'invalid', problem: expect.stringContaining('both in failures and in skip') });
    expect(byKind['server-error']).toMatchObject({ mode: 'invalid', problem: expect.stringContaining('must be the error code') });
    expect(byKind.malformed).toMatchObject({ mode: 'invalid', problem: 'skip["malformed"] needs a reason: say why this upstream cannot be checked that way.' });
  });

  it('accepts only CONNECTION for a refused connection', () => {
    const result = plan({ failures: { 'connection-refused': 'UPSTREAM_HTTP' as 'CONNECTION' } });
    expect(result.failures.at(-1)).toEqual({
      failure: 'connection-refused',
      mode: 'invalid',
      problem: 'A refused connection must surface as CONNECTION (ConnectionError), not UPSTREAM_HTTP.',
    });
  });

  it('reports unknown keys and a bad time limit as problems of the declaration', () => {
    const result = plan({
      failures: { timeout: 'TIMEOUT' } as never,
      skip: { 'connection-closed': 'typo' } as never,
      settleLimitMs: 0,
    });
    expect(result.problems).toEqual([
      'failures has the unknown kind "timeout"; the kinds are queue-full, server-error, app-error, truncated, malformed, connection-refused.',
      'skip has the unknown key "connection-closed"; the keys are queue-full, server-error, app-error, truncated, malformed, connection-refused, connection-close, generation-settings.',
      'settleLimitMs must be a positive number of milliseconds, not 0.',
    ]);
  });

  it('runs the close checks unless skipped with a reason', () => {
    expect(plan({}).connectionClose).toEqual({ mode: 'run' });
    expect(plan({ skip: { 'connection-close': 'in process' } }).connectionClose).toEqual({ mode: 'skip', reason: 'in process' });
    expect(plan({ skip: { 'connection-close': '' } }).connectionClose.mode).toBe('invalid');
  });

  it('checks the declared generation settings, skips them when none are declared or a reason is given', () => {
    expect(plan({}).generationSettings).toEqual({ mode: 'skip', reason: 'the metadata declares no supportedSettings' });
    expect(plan({}, { supportedSettings: ['seed', 'temperature', 'seed'] }).generationSettings).toEqual({ mode: 'run', settings: ['seed', 'temperature'] });
    expect(plan({ skip: { 'generation-settings': 'the upstream echoes nothing back' } }, { supportedSettings: ['seed'] }).generationSettings).toEqual({
      mode: 'skip',
      reason: 'the upstream echoes nothing back',
    });
    expect(plan({}, { supportedSettings: ['seed', 'logitBias' as never] }).generationSettings).toMatchObject({
      mode: 'invalid',
      problem: expect.stringContaining('unknown settings (logitBias)'),
    });
  });
});
