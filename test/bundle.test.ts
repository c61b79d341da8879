// The built dist/ (npm run build, scripts/bundle.ts) as pipe mode loads it: dist/cli.js alone, its
// only imports node builtins, every other command a file of its own that it loads on demand. The
// rules on the source (test/import-rules.test.ts) say what pipe mode may reach; this checks that
// bundling kept the heavy parts out of the file every run loads.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LAZY_MODULES } from '../scripts/bundle-rules.js';
import { AUTHORING_PACKAGES } from '../src/commands/authoring-packages.js';
import { readModuleImports } from './helpers/read-module-imports.js';

const DIST = path.resolve(import.meta.dirname, '../dist');

/** every built file that loading `file` may load (only its static imports with `how`), `file` included */
function closure(
  file: string,
  how: 'all' | 'static' = 'all',
  seen = new Set<string>(),
): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const { static: fixed, dynamic } = readModuleImports(file);
  const followed = how === 'static' ? fixed : [...fixed, ...dynamic];
  for (const specifier of followed.filter((s) => s.startsWith('.'))) {
    closure(path.resolve(path.dirname(file), specifier), how, seen);
  }
  return seen;
}

/** the packages these built files load from node_modules, by import, import() or require() */
function packagesOf(files: Iterable<string>): string[] {
  const names = [...files].flatMap((file) => {
    const { static: fixed, dynamic, required } = readModuleImports(file);
    return [...fixed, ...dynamic, ...required]
      .filter((s) => !s.startsWith('.') && !isBuiltin(s))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
  });
  return [...new Set(names)].sort();
}

describe('dist/cli.js: the entry and all of pipe mode in one file', () => {
  const cli = readModuleImports(path.join(DIST, 'cli.js'));

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
    // the one edit distance of "did you mean" (a mistyped command) is the only search code in it
    expect(text).not.toMatch(/\/\/ src\/(ui\/|search\/(?!edit-distance\.ts|types\.ts))/);
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

  test('the TUI holds ink and react, the typed search fuse.js, the guesses none; cli.js holds no package', () => {
    expect([...bundledPackages(closure(file('commands/tui')))]).toEqual(
      expect.arrayContaining(['ink', 'react', 'react-reconciler', 'yoga-layout']),
    );
    expect([...bundledPackages(closure(file('commands/search')))]).toEqual(['fuse.js']);
    // pipe mode's guesses for unmatched lines: the word index, no fuse.js (search/guess-entries.ts)
    expect([...bundledPackages(closure(file('search/guess-entries')))]).toEqual([]);
    expect([...bundledPackages([file('cli')])]).toEqual([]);
  });

  test('kb lint alone loads packages, exactly the authoring tools, and only past its gate', () => {
    expect(packagesOf(closure(file('commands/kb-lint')))).toEqual([...AUTHORING_PACKAGES].sort());
    // what kb-lint.js loads before it runs (its static imports) needs no package, so that a
    // missing one fails the import() in its try and becomes the install hint, not a crash
    expect(packagesOf(closure(file('commands/kb-lint'), 'static'))).toEqual([]);
    const others = LAZY_MODULES.filter((name) => name !== 'commands/kb-lint');
    expect(packagesOf(others.flatMap((name) => [...closure(file(name))]))).toEqual([]);
  });

  test("the TUI's Ink never enters its dev mode, which a bundle cannot run", () => {
    // with DEV=true, an Ink bundled as is would import React's devtools and read dist/package.json
    // at load time, and the TUI would die before its first frame
    const ink = [...closure(file('commands/tui'))].filter((built) =>
      readFileSync(built, 'utf8').includes('// node_modules/ink/build/reconciler.js'),
    );
    expect(ink).toHaveLength(1);
    const loaded = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(ink[0]!).href)})`],
      { env: { PATH: process.env.PATH ?? '', DEV: 'true' }, encoding: 'utf8', timeout: 20_000 },
    );
    expect({ status: loaded.status, stdout: loaded.stdout, stderr: loaded.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });
});
