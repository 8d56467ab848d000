import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readmeSnippetProblems, type RepositoryFiles } from './test-support/check-readme-snippets.js';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

const repositoryFiles: RepositoryFiles = {
  read(path) {
    const file = `${repositoryRoot}${path}`;
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  },
  list(folder) {
    const directory = `${repositoryRoot}${folder}`;
    return existsSync(directory) && statSync(directory).isDirectory() ? readdirSync(directory) : [];
  },
};

describe('README code blocks', () => {
  it('are each a whole example file or a marked fragment of a file the tests run', () => {
    const readme = readFileSync(`${repositoryRoot}README.md`, 'utf8');
    expect(readmeSnippetProblems(readme, repositoryFiles)).toEqual([]);
  });
});
