import { markdownCodeBlocks, type MarkdownCodeBlock } from './markdown-code-blocks.js';

/** Read access to the repository the README describes, by paths relative to its root. */
export interface RepositoryFiles {
  /** The file's text, or `undefined` when there is no such file. */
  read(path: string): string | undefined;
  /** The names of the files in a folder, or `[]` when there is no such folder. */
  list(folder: string): string[];
}

/** Languages whose blocks must be an example file or a marked fragment of one. */
export const checkedLanguages: ReadonlySet<string> = new Set(['ts', 'typescript', 'tsx', 'mts', 'js', 'javascript', 'jsx', 'mjs', 'cjs']);

const fragmentMarker = /^<!--\s*fragment of (\S+)\s*-->$/;
const wholeFileLabel = /`([^`\s]+)`:$/;

/**
 * What is wrong with the code blocks of a README, one message per block at fault (`[]` when
 * nothing is). A TypeScript or JavaScript block must be either a whole file, named by a
 * `` `path`: `` at the end of the line before it and equal to that file once both are
 * trimmed, or a fragment marked by `<!-- fragment of path -->` right before it, every
 * non-blank line of which appears in that file, in the same order. The named file must be
 * run by the tests: a test file itself, or in a folder with a `*.test.ts`. A block with no
 * language is refused, so that code cannot escape the check; other languages (shell, JSON) are exempt.
 */
export function readmeSnippetProblems(markdown: string, files: RepositoryFiles): string[] {
  return markdownCodeBlocks(markdown).flatMap((block) => {
    const problem = blockProblem(block, files);
    return problem === undefined ? [] : [`README.md:${block.line}: ${problem}`];
  });
}

function blockProblem(block: MarkdownCodeBlock, files: RepositoryFiles): string | undefined {
  if (block.language === '') return 'a code block without a language; tag it (```ts, ```sh, ...).';
  if (!checkedLanguages.has(block.language)) return undefined;
  const fragmentPath = fragmentMarker.exec(block.precedingLine)?.[1];
  const wholePath = fragmentPath === undefined ? wholeFileLabel.exec(block.precedingLine)?.[1] : undefined;
  const path = fragmentPath ?? wholePath;
  if (path === undefined) {
    return (
      `this \`\`\`${block.language} block names no file. Put the file's path before it, either as ` +
      '"`examples/NAME/main.mjs`:" ending the line above (the block is the whole file) or as ' +
      '"<!-- fragment of examples/NAME/main.mjs -->" right above it (the block is part of the file).'
    );
  }
  if (path.startsWith('/') || path.split('/').includes('..')) return `"${path}" must be a path inside the repository.`;
  const text = files.read(path);
  if (text === undefined) return `the block names ${path}, which does not exist.`;
  const testProblem = notRunByTests(path, files);
  if (testProblem !== undefined) return testProblem;
  return fragmentPath === undefined ? wholeFileProblem(block.content, text, path) : fragmentProblem(block.content, text, path);
}

function notRunByTests(path: string, files: RepositoryFiles): string | undefined {
  if (/\.test\.[cm]?[jt]s$/.test(path)) return undefined;
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  if (files.list(folder).some((name) => /\.test\.[cm]?[jt]s$/.test(name))) return undefined;
  return `${path} is not run by any test: add a *.test.ts beside it that runs it.`;
}

function wholeFileProblem(block: string, file: string, path: string): string | undefined {
  if (block.trim() === file.trim()) return undefined;
  const blockLines = block.trim().split('\n');
  const fileLines = file.trim().split('\n');
  const index = blockLines.findIndex((line, position) => line !== fileLines[position]);
  const at = index === -1 ? blockLines.length : index;
  return (
    `the block is introduced as the whole of ${path} but differs from it at line ${at + 1} of the block: ` +
    `${JSON.stringify(blockLines[at] ?? '(end of block)')} vs ${JSON.stringify(fileLines[at] ?? '(end of file)')}. ` +
    'Copy the file again, or mark the block as a fragment.'
  );
}

function fragmentProblem(block: string, file: string, path: string): string | undefined {
  const fileLines = file.split('\n').map((line) => line.trim());
  let position = 0;
  for (const line of block.split('\n').map((text) => text.trim()).filter((text) => text !== '')) {
    const found = fileLines.indexOf(line, position);
    if (found === -1) {
      const elsewhere = fileLines.includes(line) ? ' (it appears earlier, so the order differs)' : '';
      return `the fragment of ${path} has a line that is not in the file${elsewhere}: ${JSON.stringify(line)}.`;
    }
    position = found + 1;
  }
  return undefined;
}
