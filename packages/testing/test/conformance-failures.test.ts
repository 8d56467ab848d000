import { beforeAll, describe, expect, it } from 'vitest';
import { runVitestFixtures, type FixtureTestResult } from './support/run-vitest-fixtures.js';

const closeOnAbort = 'closes the upstream connection when aborted mid-stream';
const closeOnBreak = 'closes the upstream connection when the consumer stops reading early';
const abortSettles = 'settles with AbortError, and no finish part, when aborted mid-stream';

let results: FixtureTestResult[] = [];

function testsOf(file: string): FixtureTestResult[] {
  const tests = results.filter((test) => test.file === file);
  expect(tests.length, `the fixture ${file} ran no test`).toBeGreaterThan(0);
  return tests;
}

function failedTitles(file: string): string[] {
  return testsOf(file)
    .filter((test) => test.status === 'failed')
    .map((test) => test.title);
}

function messagesOf(file: string, title: string): string {
  return testsOf(file)
    .filter((test) => test.title === title)
    .flatMap((test) => test.failureMessages)
    .join('\n');
}

describe('the conformance suite fails what it must', () => {
  beforeAll(async () => {
    results = await runVitestFixtures();
  }, 120_000);

  it('fails a provider whose abort leaves the upstream connection open, on the close checks only', () => {
    expect(failedTitles('leaky-abort.fixture.ts')).toEqual([closeOnAbort, closeOnBreak]);
    expect(testsOf('leaky-abort.fixture.ts').find((test) => test.title === abortSettles)?.status).toBe('passed');
    expect(messagesOf('leaky-abort.fixture.ts', closeOnAbort)).toContain('the upstream seeing the connection close after the abort');
    expect(messagesOf('leaky-abort.fixture.ts', closeOnBreak)).toContain('the upstream seeing the connection close after the consumer left the loop');
  });

  it('does not count a close the harness never observed', () => {
    expect(failedTitles('no-op-close.fixture.ts')).toEqual([closeOnAbort, closeOnBreak]);
    expect(messagesOf('no-op-close.fixture.ts', closeOnAbort)).toContain('connectionClosed had resolved while the provider was still reading');
  });

  it('fails a declared generation setting that does not reach the upstream', () => {
    const failed = failedTitles('dropped-setting.fixture.ts');
    expect(failed).toEqual(['passes the generation settings it declares to the upstream: temperature, maxOutputTokens, topP, stop, seed']);
    expect(messagesOf('dropped-setting.fixture.ts', failed[0]!)).toContain('seed: sent 4242, upstream received undefined');
  });

  it('fails loudly on a failure kind declared nowhere, a skip without a reason and an unknown key', () => {
    const file = 'undeclared-failures.fixture.ts';
    expect(failedTitles(file)).toEqual([
      'has a valid conformance declaration',
      'declares how it handles the upstream failure "queue-full"',
      'declares how it handles the upstream failure "truncated"',
    ]);
    expect(messagesOf(file, 'has a valid conformance declaration')).toContain('skip has the unknown key "timeout"');
    expect(messagesOf(file, 'declares how it handles the upstream failure "queue-full"')).toContain("failures: { 'queue-full': 'CODE' }");
    expect(messagesOf(file, 'declares how it handles the upstream failure "truncated"')).toContain('skip["truncated"] needs a reason');
    const skipped = testsOf(file).filter((test) => test.status !== 'passed' && test.status !== 'failed');
    expect(skipped.map((test) => test.title)).toContain('maps the upstream failure "server-error" to a typed error (skipped: in process)');
  });
});
