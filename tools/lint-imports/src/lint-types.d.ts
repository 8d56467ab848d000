/** One broken rule, reported as `path:line  rule  message`. */
export interface Violation {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  /** 1-based line of the offending declaration (1 for file- or package-wide findings). */
  line: number;
  rule: RuleName;
  message: string;
}

export type RuleName =
  | 'unknown-package'
  | 'package-direction'
  | 'package-names'
  | 'deep-import'
  | 'unresolved-import'
  | 'core-folder'
  | 'core-spec'
  | 'restricted-module'
  | 'file-cycle'
  | 'package-cycle';

/** One import, export-from, `import()` or `import('x').T` found in a file. */
export interface ImportRecord {
  specifier: string;
  line: number;
  /** True when the declaration disappears from the emitted JavaScript. */
  typeOnly: boolean;
  kind: 'import' | 'export' | 'dynamic' | 'type-query' | 'import-equals';
  /** Names taken from the module: `default`, `*` for all of it (namespace, export *, dynamic), or none for a bare import. */
  names: string[];
}

/** How a file makes a name part of its exports, as needed to find where the name is declared. */
export type ExportRecord =
  | { kind: 'declared'; name: string }
  | { kind: 'local'; local: string; exported: string }
  | { kind: 're-export'; specifier: string; imported: string; exported: string };

/** What the lint reads from one source file. */
export interface ParsedModule {
  imports: ImportRecord[];
  exports: ExportRecord[];
  /** Local name → where an import binding comes from. */
  importBindings: Map<string, { specifier: string; imported: string }>;
  /** Lines of top-level statements that leave code in the emitted JavaScript (other than imports). */
  runtimeStatementLines: number[];
}

/** A workspace package as the lint sees it. */
export interface WorkspacePackage {
  name: string;
  /** Absolute directory. */
  dir: string;
  /** The package.json `exports` field, or undefined. */
  exports: unknown;
  /** The package.json `main` field, or undefined. */
  main: string | undefined;
}

/** The rules of one package: which workspace packages its files may import. */
export interface PackageRule {
  /** Packages any file may import: exact names, `@scope/prefix-*` patterns, or `*` for every package. */
  imports: string[];
  /** Extra packages that test, test-support, fixture and bench files may import. */
  devImports?: string[];
  /** Imported package → folder (relative to that package) whose declarations are the only names allowed. */
  namesOnlyFrom?: Record<string, string>;
}

/** The declarative table of everything the lint enforces. */
export interface ImportRules {
  /** Specifiers starting with this are workspace packages. */
  scope: string;
  /** Folders (relative to the root, `*` standing for one directory) that hold one package each. */
  packageDirs: string[];
  /** Folders (relative to the root, `*` standing for one directory) whose files are linted. */
  scanDirs: string[];
  /** Package name or pattern → its rule. */
  packages: Record<string, PackageRule>;
  /** Which files count as development files (tests, their support, benchmarks). */
  devFiles: { nameSuffixes: string[]; folders: string[] };
  /** Folder layering inside one package's source folder. */
  folderLayers: {
    package: string;
    sourceDir: string;
    /** Folder → the other folders of the same source folder its production files may import. */
    mayImport: Record<string, string[]>;
    /** Folders that hold types only: they import only type-only from inside themselves and declare no runtime code. */
    typeOnlyFolders: string[];
  };
  /** Third-party modules only some folders of a package may import. */
  restrictedModules: { module: string; package: string; onlyIn: string[] }[];
}

/** One linted file and what the lint knows about it. */
export interface SourceInfo {
  /** Absolute path. */
  file: string;
  /** The package whose folder holds the file. */
  owner: WorkspacePackage;
  /** Path relative to the owner's folder, with forward slashes. */
  pathInPackage: string;
  /** A test, test-support, fixture or bench file. */
  isDev: boolean;
  parsed: ParsedModule;
}

/** What every check needs besides the file and the import at hand. */
export interface LintContext {
  root: string;
  rules: ImportRules;
  packages: Map<string, WorkspacePackage>;
  /** Where the rules live, for messages that say which table to edit. */
  rulesPath: string;
  ownerOf(file: string): WorkspacePackage | undefined;
  readModule(file: string): ParsedModule | undefined;
  /** Root-relative path with forward slashes. */
  display(file: string): string;
}

/** What one import check found, and the file the import loads when it is a linted source file. */
export interface ImportCheck {
  violations: Violation[];
  targetFile: string | undefined;
  targetPackage: WorkspacePackage | undefined;
}
