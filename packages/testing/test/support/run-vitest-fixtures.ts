import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The outcome of one test of a fixture file. */
export interface FixtureTestResult {
  /** Fixture file name, e.g. `leaky-abort.fixture.ts`. */
  file: string;
  title: string;
  status: string;
  failureMessages: string[];
}

const packageDirectory = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs every `test/fixtures/*.fixture.ts` in a child vitest process (the fixtures register
 * suites meant to fail) and returns each test's outcome from vitest's JSON report.
 */
export async function runVitestFixtures(): Promise<FixtureTestResult[]> {
  const vitestEntry = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const reportDirectory = await mkdtemp(join(tmpdir(), 'conformance-fixtures-'));
  const reportFile = join(reportDirectory, 'report.json');
  try {
    const args = [vitestEntry, 'run', '--config', 'test/fixtures/vitest.config.ts', '--reporter=json', `--outputFile=${reportFile}`];
    const stderr = await runNode(args);
    const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => {
      throw new Error(`The fixture run wrote no report. Its stderr:\n${stderr}`);
    })) as JsonReport;
    return report.testResults.flatMap((file) =>
      file.assertionResults.map((test) => ({ file: basename(file.name), title: test.title, status: test.status, failureMessages: test.failureMessages })),
    );
  } finally {
    await rm(reportDirectory, { recursive: true, force: true });
  }
}

interface JsonReport {
  testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

function runNode(args: string[]): Promise<string> {
  const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: packageDirectory,
      env: environment,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 110_000,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', () => resolve(stderr));
  });
}
