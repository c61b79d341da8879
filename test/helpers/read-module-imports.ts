// What a module names as its imports, read with TypeScript's parser (source .ts/.tsx, or the
// bundled .js in dist/): the one scanner behind test/import-rules.test.ts and test/bundle.test.ts.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface ModuleImports {
  /** import and export … from, with a value: module specifiers as written */
  static: string[];
  /** `import type` and `export type … from`: erased by TypeScript, still a dependency */
  typeOnly: string[];
  /** import() calls with a literal specifier */
  dynamic: string[];
  /**
   * require('x') calls: createRequire's require (how the KB compiler loads recheck), and in a
   * bundle the require esbuild may rename (require2, __require)
   */
  required: string[];
  /** the file mentions the `process` global (outside comments and strings) */
  usesProcess: boolean;
}

const cache = new Map<string, ModuleImports>();

export function readModuleImports(file: string): ModuleImports {
  const cached = cache.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: ModuleImports = {
    static: [],
    typeOnly: [],
    dynamic: [],
    required: [],
    usesProcess: false,
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node)
        ? node.importClause?.isTypeOnly === true
        : node.isTypeOnly;
      (typeOnly ? found.typeOnly : found.static).push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.dynamic.push(node.arguments[0].text);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      /^(__)?require\d*$/.test(node.expression.text) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.required.push(node.arguments[0].text);
    } else if (ts.isIdentifier(node) && node.text === 'process' && !isPropertyName(node)) {
      found.usesProcess = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  cache.set(file, found);
  return found;
}

/** `x.process` or `{ process: … }` name something else than the global */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node)
  );
}
