// @ts-check
/**
 * The import rules of the monorepo in one table (see ARCHITECTURE.md, "Packages and the
 * direction of imports"). A new workspace package must be added to `packages` below with
 * the packages it may import; until then the lint reports it as `unknown-package`.
 *
 * Every import counts for the direction rules, type-only ones included: a type import
 * still ties a package to another's contract. Cycles are different: only imports that
 * remain in the emitted JavaScript form a cycle (see find-import-cycles.mjs).
 *
 * @typedef {import('./lint-types.js').ImportRules} ImportRules
 */

const core = '@switchboard/core';
const gradio = '@switchboard/gradio';
const gradioEmulator = '@switchboard/gradio-emulator';
const testing = '@switchboard/testing';
const server = '@switchboard/server';
const anyProvider = '@switchboard/provider-*';

/** @type {ImportRules} */
export const importRules = {
  scope: '@switchboard/',
  packageDirs: ['packages/*', 'examples'],
  scanDirs: ['packages/*/src', 'packages/*/test', 'packages/*/bench', 'examples'],

  packages: {
    [core]: { imports: [] },
    // The Gradio client knows nothing of chat: from core it takes error classes only.
    [gradio]: { imports: [core], devImports: [testing], namesOnlyFrom: { [core]: 'src/errors/' } },
    // A provider's `./testing` subpath serves its Space's app from the Gradio emulator.
    // A provider may build on the OpenAI-compatible base class.
    [anyProvider]: { imports: [core, gradio, gradioEmulator, '@switchboard/provider-openai-compatible'], devImports: [testing] },
    // Which providers a gateway serves is configuration, never an import; its tests use real ones.
    [server]: { imports: [core], devImports: [testing, gradioEmulator, anyProvider] },
    '@switchboard/cli': { imports: [core, server, anyProvider, '@switchboard/redis'], devImports: [testing, gradioEmulator] },
    '@switchboard/ai-sdk': { imports: [core], devImports: [testing, gradioEmulator, anyProvider] },
    '@switchboard/redis': { imports: [core], devImports: [testing, gradioEmulator, anyProvider, server] },
    // Testing packages import what they test.
    [testing]: { imports: [core] },
    [gradioEmulator]: { imports: [core, gradio, testing] },
    '@switchboard/examples': { imports: ['*'] },
  },

  devFiles: {
    nameSuffixes: ['.test.ts', '.test.mts', '.test.mjs', '.test.js', '.spec.ts'],
    folders: ['test', 'tests', 'test-support', 'fixtures', 'bench'],
  },

  // Inside core: the contract (spec/, types only) apart from behaviour, and each folder
  // importing only the layers below it. Tests may reach across layers; spec/ and the
  // tsyringe rule hold for them too.
  folderLayers: {
    package: core,
    sourceDir: 'src',
    mayImport: {
      spec: [],
      errors: ['spec'],
      messages: ['spec', 'errors'],
      stream: ['spec', 'errors'],
      metadata: ['spec', 'errors'],
      request: ['spec', 'errors', 'messages'],
      mixins: ['spec', 'errors', 'messages', 'stream', 'metadata'],
      routing: ['spec', 'errors', 'messages', 'stream', 'metadata', 'mixins', 'request'],
      registry: ['spec', 'errors', 'messages', 'stream', 'metadata', 'mixins', 'request', 'routing'],
      // The `./testing` subpath: helpers for tests of core and of other packages.
      testing: ['spec', 'errors', 'messages', 'stream', 'metadata', 'mixins', 'request', 'routing', 'registry'],
    },
    typeOnlyFolders: ['spec'],
  },

  restrictedModules: [{ module: 'tsyringe', package: core, onlyIn: ['src/registry/'] }],
};
