// @ts-check
import ts from 'typescript';

/**
 * @typedef {import('./lint-types.js').ImportRecord} ImportRecord
 * @typedef {import('./lint-types.js').ExportRecord} ExportRecord
 * @typedef {import('./lint-types.js').ParsedModule} ParsedModule
 */

/**
 * Reads the imports and exports of one TypeScript or JavaScript file with the TypeScript
 * parser alone (no program, no type checker): import and export-from declarations,
 * `import x = require()`, `import('literal')` calls and `import('literal').Type` queries.
 *
 * @param {string} sourceText
 * @param {string} fileName used to pick TypeScript or JavaScript syntax
 * @returns {ParsedModule}
 */
export function parseModule(sourceText, fileName) {
  const sourceFile = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
  /** @type {ParsedModule} */
  const parsed = { imports: [], exports: [], importBindings: new Map(), runtimeStatementLines: [] };
  const lineOf = (/** @type {ts.Node} */ node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  for (const statement of sourceFile.statements) {
    readStatement(statement, parsed, lineOf);
    if (!isTypeLevelStatement(statement)) parsed.runtimeStatementLines.push(lineOf(statement));
  }
  const visit = (/** @type {ts.Node} */ node) => {
    const record = readNestedImport(node, lineOf);
    if (record !== undefined) parsed.imports.push(record);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  parsed.imports.sort((left, right) => left.line - right.line);
  return parsed;
}

/**
 * @param {ts.Statement} statement
 * @param {ParsedModule} parsed
 * @param {(node: ts.Node) => number} lineOf
 */
function readStatement(statement, parsed, lineOf) {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    const names = [];
    if (clause?.name) {
      names.push('default');
      parsed.importBindings.set(clause.name.text, { specifier, imported: 'default' });
    }
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      names.push('*');
      parsed.importBindings.set(bindings.name.text, { specifier, imported: '*' });
    }
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        names.push(imported);
        parsed.importBindings.set(element.name.text, { specifier, imported });
      }
    }
    const allNamedAreTypes =
      clause !== undefined && !clause.name && bindings !== undefined && ts.isNamedImports(bindings) &&
      bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
    const typeOnly = clause !== undefined && (clause.isTypeOnly || allNamedAreTypes);
    parsed.imports.push({ specifier, line: lineOf(statement), typeOnly, kind: 'import', names });
    return;
  }
  if (ts.isExportDeclaration(statement)) {
    readExportDeclaration(statement, parsed, lineOf);
    return;
  }
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    const expression = statement.moduleReference.expression;
    if (ts.isStringLiteral(expression)) {
      const record = { specifier: expression.text, line: lineOf(statement), typeOnly: statement.isTypeOnly, names: ['*'] };
      parsed.imports.push({ ...record, kind: 'import-equals' });
      parsed.importBindings.set(statement.name.text, { specifier: expression.text, imported: '*' });
    }
    return;
  }
  if (ts.isExportAssignment(statement)) {
    parsed.exports.push({ kind: 'declared', name: 'default' });
    return;
  }
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [];
  if (!modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return;
  if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) {
    parsed.exports.push({ kind: 'declared', name: 'default' });
    return;
  }
  for (const name of declaredNames(statement)) parsed.exports.push({ kind: 'declared', name });
}

/**
 * @param {ts.ExportDeclaration} statement
 * @param {ParsedModule} parsed
 * @param {(node: ts.Node) => number} lineOf
 */
function readExportDeclaration(statement, parsed, lineOf) {
  const clause = statement.exportClause;
  const from = statement.moduleSpecifier;
  if (from === undefined) {
    if (clause && ts.isNamedExports(clause)) {
      for (const element of clause.elements) {
        parsed.exports.push({ kind: 'local', local: (element.propertyName ?? element.name).text, exported: element.name.text });
      }
    }
    return;
  }
  if (!ts.isStringLiteral(from)) return;
  const specifier = from.text;
  const names = [];
  if (clause === undefined) {
    names.push('*');
    parsed.exports.push({ kind: 're-export', specifier, imported: '*', exported: '*' });
  } else if (ts.isNamespaceExport(clause)) {
    names.push('*');
    parsed.exports.push({ kind: 're-export', specifier, imported: '*', exported: clause.name.text });
  } else {
    for (const element of clause.elements) {
      const imported = (element.propertyName ?? element.name).text;
      names.push(imported);
      parsed.exports.push({ kind: 're-export', specifier, imported, exported: element.name.text });
    }
  }
  const allNamedAreTypes =
    clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
  parsed.imports.push({ specifier, line: lineOf(statement), typeOnly: statement.isTypeOnly || allNamedAreTypes, kind: 'export', names });
}

/**
 * @param {ts.Node} node
 * @param {(node: ts.Node) => number} lineOf
 * @returns {ImportRecord | undefined}
 */
function readNestedImport(node, lineOf) {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const argument = node.arguments[0];
    if (argument && ts.isStringLiteralLike(argument)) {
      return { specifier: argument.text, line: lineOf(node), typeOnly: false, kind: 'dynamic', names: ['*'] };
    }
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
    const qualifier = node.qualifier ? leftmostName(node.qualifier) : '*';
    return { specifier: node.argument.literal.text, line: lineOf(node), typeOnly: true, kind: 'type-query', names: [qualifier] };
  }
  return undefined;
}

/**
 * @param {ts.EntityName} name
 * @returns {string}
 */
function leftmostName(name) {
  return ts.isIdentifier(name) ? name.text : leftmostName(name.left);
}

/** @param {ts.Statement} statement */
function declaredNames(statement) {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  }
  const named = /** @type {{ name?: ts.Node }} */ (statement);
  return named.name && ts.isIdentifier(named.name) ? [named.name.text] : [];
}

/**
 * @param {ts.BindingName} name
 * @returns {string[]}
 */
function bindingNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/**
 * Statements that leave nothing in the emitted JavaScript: types, interfaces, `declare`d
 * things, imports and exports (those are judged as imports).
 *
 * @param {ts.Statement} statement
 */
function isTypeLevelStatement(statement) {
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEmptyStatement(statement)) return true;
  if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true;
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [];
  return modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword);
}

/** @param {string} fileName */
function scriptKindOf(fileName) {
  if (/\.[cm]?tsx?$/.test(fileName)) return fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return fileName.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}
