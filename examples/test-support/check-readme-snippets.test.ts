import { describe, expect, it } from 'vitest';
import { readmeSnippetProblems, type RepositoryFiles } from './check-readme-snippets.js';
import { markdownCodeBlocks } from './markdown-code-blocks.js';

const exampleFile = "import { createRegistry } from '@switchboard/core';\n\nconst registry = createRegistry();\nconsole.log(registry.list());\n";

function repository(files: Record<string, string>): RepositoryFiles {
  return {
    read: (path) => files[path],
    list: (folder) =>
      Object.keys(files)
        .filter((path) => path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes('/'))
        .map((path) => path.slice(folder.length + 1)),
  };
}

const files = repository({
  'examples/small/main.mjs': exampleFile,
  'examples/small/main.test.ts': "runExample('./main.mjs')",
  'examples/untested/main.mjs': exampleFile,
  'packages/thing/src/thing.test.ts': 'it("works", () => {});\n',
});

const fence = (language: string, body: string) => `\`\`\`${language}\n${body}\n\`\`\``;

describe('markdownCodeBlocks', () => {
  it('finds fenced blocks with their language, line, preceding line and content, indented ones too', () => {
    const markdown = ['# Title', '', 'Run `x`:', '', fence('sh', 'pnpm demo'), '1. A step:', '   ~~~ts', '   const a = 1;', '     nested();', '   ~~~'].join('\n');
    expect(markdownCodeBlocks(markdown)).toEqual([
      { language: 'sh', content: 'pnpm demo', line: 5, precedingLine: 'Run `x`:' },
      { language: 'ts', content: 'const a = 1;\n  nested();', line: 9, precedingLine: '1. A step:' },
    ]);
  });

  it('keeps shorter fences inside a block as content', () => {
    const markdown = '````md\n```ts\ncode();\n```\n````';
    expect(markdownCodeBlocks(markdown)).toEqual([{ language: 'md', content: '```ts\ncode();\n```', line: 1, precedingLine: '' }]);
  });
});

describe('readmeSnippetProblems', () => {
  it('accepts a whole example file named on the line before the block, whatever the surrounding blank lines', () => {
    const markdown = `The example, \`examples/small/main.mjs\`:\n\n${fence('js', `\n${exampleFile.trim()}\n\n`)}`;
    expect(readmeSnippetProblems(markdown, files)).toEqual([]);
  });

  it('refuses a whole-file block that differs from its file, naming the first differing line', () => {
    const edited = exampleFile.replace('registry.list()', 'registry.models()');
    const markdown = `\`examples/small/main.mjs\`:\n${fence('mjs', edited)}`;
    expect(readmeSnippetProblems(markdown, files)).toEqual([
      'README.md:2: the block is introduced as the whole of examples/small/main.mjs but differs from it at line 4 of the block: ' +
        '"console.log(registry.models());" vs "console.log(registry.list());". Copy the file again, or mark the block as a fragment.',
    ]);
  });

  it('accepts a marked fragment whose lines appear in order, indentation aside', () => {
    const markdown = `<!-- fragment of examples/small/main.mjs -->\n${fence('ts', '  const registry = createRegistry();\n\nconsole.log(registry.list());')}`;
    expect(readmeSnippetProblems(markdown, files)).toEqual([]);
  });

  it('refuses a fragment with a line missing from the file, or out of order', () => {
    const missing = `<!-- fragment of examples/small/main.mjs -->\n${fence('ts', 'const registry = createRegistry({ retry: {} });')}`;
    const reordered = `<!-- fragment of examples/small/main.mjs -->\n${fence('ts', 'console.log(registry.list());\nconst registry = createRegistry();')}`;
    expect(readmeSnippetProblems(missing, files)).toEqual([
      'README.md:2: the fragment of examples/small/main.mjs has a line that is not in the file: "const registry = createRegistry({ retry: {} });".',
    ]);
    expect(readmeSnippetProblems(reordered, files)).toEqual([
      'README.md:2: the fragment of examples/small/main.mjs has a line that is not in the file (it appears earlier, so the order differs): "const registry = createRegistry();".',
    ]);
  });

  it('refuses a block that names no file, a file that does not exist, a path outside the repository and an untested file', () => {
    const markdown = [
      'Some prose.',
      fence('ts', 'createRegistry();'),
      '<!-- fragment of examples/missing/main.mjs -->',
      fence('js', 'createRegistry();'),
      '<!-- fragment of ../elsewhere/main.mjs -->',
      fence('js', 'createRegistry();'),
      '`examples/untested/main.mjs`:',
      fence('js', exampleFile),
    ].join('\n');
    const problems = readmeSnippetProblems(markdown, files);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^README\.md:2: this ```ts block names no file\. Put the file's path before it/);
    expect(problems.slice(1)).toEqual([
      'README.md:6: the block names examples/missing/main.mjs, which does not exist.',
      'README.md:10: "../elsewhere/main.mjs" must be a path inside the repository.',
      'README.md:14: examples/untested/main.mjs is not run by any test: add a *.test.ts beside it that runs it.',
    ]);
  });

  it('accepts a fragment of a test file, exempts shell and JSON blocks, and refuses a block without a language', () => {
    const markdown = [
      '<!-- fragment of packages/thing/src/thing.test.ts -->',
      fence('ts', 'it("works", () => {});'),
      fence('sh', 'pnpm test'),
      fence('json', '{ "private": true }'),
      fence('', 'createRegistry();'),
    ].join('\n');
    expect(readmeSnippetProblems(markdown, files)).toEqual([
      'README.md:11: a code block without a language; tag it (```ts, ```sh, ...).',
    ]);
  });
});
