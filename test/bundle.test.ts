// The built dist/ (npm run build, scripts/bundle.ts) as pipe mode loads it: dist/cli.js alone, its
// only imports node builtins, every other command a file of its own that it loads on demand. The
// rules on the source (test/import-rules.test.ts) say what pipe mode may reach; this checks that
// bundling kept the heavy parts out of the file every run loads.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { LAZY_MODULES } from '../scripts/bundle-rules.js';

const DIST = path.resolve(import.meta.dirname, '../dist');

/** specifiers of a built file's static imports and literal import() calls */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found = { static: [] as string[], dynamic: [] as string[] };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.static.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.dynamic.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** every built file that loading `file` may load, `file` included */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const { static: fixed, dynamic } = importsOf(file);
  for (const specifier of [...fixed, ...dynamic].filter((s) => s.startsWith('.'))) {
    closure(path.resolve(path.dirname(file), specifier), seen);
  }
  return seen;
}

/** the packages these built files import, statically or by import(), from node_modules */
function packagesOf(files: Iterable<string>): Set<string> {
  return new Set(
    [...files].flatMap((file) => {
      const { static: fixed, dynamic } = importsOf(file);
      return [...fixed, ...dynamic].filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
    }),
  );
}

describe('dist/cli.js: the entry and all of pipe mode in one file', () => {
  const cli = importsOf(path.join(DIST, 'cli.js'));

  test('imports nothing statically but node builtins', () => {
    expect(cli.static.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
    expect(cli.static).toContain('node:fs');
  });

  test('loads every other command, and the fuzzy search, by import() of its own file', () => {
    expect(cli.dynamic.sort()).toEqual(LAZY_MODULES.map((name) => `./${name}.js`).sort());
    for (const name of LAZY_MODULES) {
      expect(readdirSync(path.join(DIST, path.dirname(name)))).toContain(
        `${path.basename(name)}.js`,
      );
    }
  });

  test('holds pipe mode and no TUI, search or authoring code', () => {
    const text = readFileSync(path.join(DIST, 'cli.js'), 'utf8');
    // esbuild names each bundled source file in a comment
    expect(text).toContain('// src/commands/pipe.ts');
    expect(text).toContain('// src/match/stream-matcher.ts');
    expect(text).not.toMatch(/\/\/ src\/(ui|search)\//);
    expect(text).not.toMatch(/\/\/ src\/kb\/(lint-kb-dir|compile-kb|parse-entry)\.ts/);
  });
});

describe('the lazily loaded files', () => {
  const file = (name: string) => path.join(DIST, `${name}.js`);
  /** the packages esbuild bundled into these files (it names each source file in a comment) */
  const bundledPackages = (files: Iterable<string>): Set<string> =>
    new Set(
      [...files].flatMap((built) =>
        [
          ...readFileSync(built, 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm),
        ].map((match) => match[1]!),
      ),
    );

  test('the TUI holds ink and react, the fuzzy search fuse.js; cli.js holds no package', () => {
    expect([...bundledPackages(closure(file('commands/tui')))]).toEqual(
      expect.arrayContaining(['ink', 'react', 'react-reconciler', 'yoga-layout']),
    );
    expect([...bundledPackages(closure(file('search/search-entries')))]).toEqual(['fuse.js']);
    expect([...bundledPackages([file('cli')])]).toEqual([]);
  });

  test('kb lint imports its authoring tools from node_modules, and only it does', () => {
    expect([...packagesOf(closure(file('commands/kb-lint')))]).toEqual(
      expect.arrayContaining(['yaml', 'unified', 'recheck']),
    );
    const others = LAZY_MODULES.filter((name) => name !== 'commands/kb-lint');
    expect([...packagesOf(others.flatMap((name) => [...closure(file(name))]))]).toEqual([]);
  });
});
