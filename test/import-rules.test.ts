// DESIGN.md section 5, enforced on the source: which modules may import what, and what pipe mode
// may load at all. Static imports are followed from the entry points (dynamic `import()` is how
// the CLI keeps the TUI and the KB compiler out of pipe mode, so it is allowed and not followed);
// `import type` is erased by TypeScript, so the loading rules ignore it (the floors count it).
// test/bundle.test.ts checks the same on the built dist/cli.js, where scripts/bundle.ts inlines
// what pipe mode reaches, import() included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isBuiltin } from 'node:module';
import { describe, expect, test } from 'vitest';
import { readModuleImports } from './helpers/read-module-imports.js';
import { AUTHORING_PACKAGES } from '../src/commands/authoring-packages.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

/** what the rules below read of a module: require() counts as a dynamic import */
function readImports(file: string): { static: string[]; dynamic: string[]; usesProcess: boolean } {
  const found = readModuleImports(file);
  return {
    static: found.static,
    dynamic: [...found.dynamic, ...found.required],
    usesProcess: found.usesProcess,
  };
}

/** `./x.js` → the .ts/.tsx file it names; undefined for packages and node builtins */
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  return ['.ts', '.tsx'].map((ext) => base + ext).find((candidate) => existsSync(candidate));
}

/** every package reachable through static and dynamic imports, as far as `follow` says for each file */
function reachable(
  entries: string[],
  follow: (file: string) => 'all' | 'static' | 'none',
): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, path.relative(ROOT, file)];
    const imports = readImports(file);
    const how = follow(file);
    if (how === 'none') return;
    const specifiers = how === 'static' ? imports.static : [...imports.static, ...imports.dynamic];
    for (const specifier of specifiers) {
      const local = resolveLocal(file, specifier);
      if (local) walk(local, here);
      else if (!specifier.startsWith('.') && !packages.has(packageOf(specifier))) {
        packages.set(packageOf(specifier), here);
      }
    }
  };
  for (const entry of entries) walk(entry, []);
  return packages;
}

/** the package a bare specifier loads: `remark-parse`, `@scope/name`, `node:fs` */
function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** every package reachable through static imports from `entry`, with the chain that reaches it */
function staticallyReachable(entry: string): Map<string, string[]> {
  return reachable([entry], () => 'static');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((dirent) => {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(dirent.name) ? [full] : [];
  });
}

const HEAVY = /^(ink|react|react-dom|unified|yaml|remark-.*|ink-.*)$/;
const rel = (file: string): string => path.relative(SRC, file);
const ALL = sourceFiles(SRC);

describe('pipe mode loads nothing heavy', () => {
  const entries = ['commands/pipe.ts', 'cli.ts'].map((file) => path.join(SRC, file));
  for (const entry of entries) {
    test.skipIf(!existsSync(entry))(
      `${rel(entry)} reaches no ink, react, unified, remark or yaml statically`,
      () => {
        const heavy = [...staticallyReachable(entry)]
          .filter(([name]) => HEAVY.test(name))
          .map(([name, chain]) => `${name} via ${chain.join(' → ')}`);
        expect(heavy).toEqual([]);
      },
    );
  }

  test('the scan sees real imports (it would find yaml from the KB parser)', () => {
    const parser = path.join(SRC, 'kb/parse-entry.ts');
    if (existsSync(parser)) expect([...staticallyReachable(parser).keys()]).toContain('yaml');
  });
});

describe('DESIGN.md section 5 import rules', () => {
  const PURE = /^(match|diagnose|search|report|probe|check)\//;
  const NODE_HOST = 'probe/node-host.ts';

  test('pure folders use no node:fs, node:child_process, process, ink or react', () => {
    const offences = ALL.filter((file) => PURE.test(rel(file)) && rel(file) !== NODE_HOST).flatMap(
      (file) => {
        const { static: imports, dynamic, usesProcess } = readImports(file);
        const bad = [...imports, ...dynamic].filter((specifier) =>
          /^(node:)?(fs|fs\/promises|child_process|process)$|^(ink|react)$/.test(specifier),
        );
        return [...bad, ...(usesProcess ? ['the process global'] : [])].map(
          (what) => `${rel(file)}: ${what}`,
        );
      },
    );
    expect(offences).toEqual([]);
  });

  test('ink and react only in src/ui and src/commands/tui.ts', () => {
    const offences = ALL.filter(
      (file) => !rel(file).startsWith('ui/') && rel(file) !== 'commands/tui.ts',
    ).flatMap((file) =>
      readImports(file)
        .static.filter((specifier) => /^(ink|react)(\/|$)|^ink-/.test(specifier))
        .map((specifier) => `${rel(file)}: ${specifier}`),
    );
    expect(offences).toEqual([]);
  });

  test('unified, remark and yaml only in the KB parser and the docs importer', () => {
    const allowed = new Set(['kb/parse-entry.ts', 'authoring/import-docker-docs.ts']);
    const offences = ALL.filter((file) => !allowed.has(rel(file))).flatMap((file) =>
      readImports(file)
        .static.filter((specifier) => /^(unified|yaml|remark-[\w-]+)(\/|$)/.test(specifier))
        .map((specifier) => `${rel(file)}: ${specifier}`),
    );
    expect(offences).toEqual([]);
  });
});

// scripts/bundle.ts bundles every package the commands import and leaves out only AUTHORING_PACKAGES,
// which a plain install does not have: these rules keep them behind kb lint's gate, where a missing
// one becomes a hint instead of a crash. test/bundle.test.ts checks the built files keep it so.
describe('only kb lint, behind its gate, needs a package an install lacks', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const CLI = path.join(SRC, 'cli.ts');
  // the one gate to the authoring packages: kb lint imports the compiler dynamically and turns a
  // missing package into one line saying what to install
  const GATE = path.join(SRC, 'commands/kb-lint.ts');
  const packagesOnly = (packages: Map<string, string[]>): string[] =>
    [...packages.keys()].filter((name) => !isBuiltin(name)).sort();

  test('every command, and kb lint up to its gate, reaches only the packages the build bundles', () => {
    const packages = reachable([CLI], (file) => (file === GATE ? 'static' : 'all'));
    const authoring = [...packages]
      .filter(([name]) => AUTHORING_PACKAGES.includes(name))
      .map(([name, chain]) => `${name} via ${chain.join(' → ')}`);
    expect(authoring).toEqual([]);
    // the walk is real: it follows import() to the TUI (ink, react) and the fuzzy search (fuse.js),
    // each a devDependency, since it is in the bundle and not installed with it
    expect(packagesOnly(packages)).toEqual(['fuse.js', 'ink', 'react']);
    expect(packagesOnly(packages).filter((name) => !(name in pkg.devDependencies))).toEqual([]);
  });

  test('behind the gate, the KB compiler loads exactly the authoring packages', () => {
    // the list kb lint names (and the build leaves out) is what the compiler loads, no more, no
    // less, each a devDependency
    const packages = reachable([GATE], () => 'all');
    expect(packagesOnly(packages)).toEqual([...AUTHORING_PACKAGES].sort());
    expect(AUTHORING_PACKAGES.filter((name) => !(name in pkg.devDependencies))).toEqual([]);
  });
});

describe('imports run down the floors', () => {
  // Bottom to top: each folder may import its own floor and those below it, never above. Types
  // count too: a result type that lives above its producer is an upward import all the same.
  const FLOORS = [
    'kb',
    'match',
    'probe',
    'search',
    'diagnose',
    'report',
    'check',
    'authoring',
    'ui',
    'commands',
  ];
  /** src/ files every floor may import; they import no module of the project themselves */
  const LEAVES = new Set(['exit-codes.ts', 'command-io.ts', 'help.ts']);
  const floorOf = (file: string): number => {
    const relative = rel(file);
    if (LEAVES.has(relative)) return -1;
    if (relative === 'cli.ts') return FLOORS.length;
    const floor = FLOORS.indexOf(relative.split('/')[0]!);
    if (floor === -1) throw new Error(`${relative} is on no floor: add its folder to FLOORS`);
    return floor;
  };

  /** every local module a file names: imports and exports, type-only ones too, and import() */
  const localImports = (file: string): string[] => {
    const { static: fixed, typeOnly, dynamic } = readModuleImports(file);
    return [...fixed, ...typeOnly, ...dynamic].flatMap(
      (specifier) => resolveLocal(file, specifier) ?? [],
    );
  };

  test('no module imports a floor above its own', () => {
    const upward = ALL.flatMap((file) =>
      localImports(file)
        .filter((target) => floorOf(target) > floorOf(file))
        .map((target) => `${rel(file)} → ${rel(target)}`),
    );
    expect(upward).toEqual([]);
  });

  test('the leaves import nothing of the project', () => {
    const offences = ALL.filter((file) => LEAVES.has(rel(file))).flatMap((file) =>
      localImports(file).map((target) => `${rel(file)} → ${rel(target)}`),
    );
    expect(offences).toEqual([]);
  });

  test('the check sees upward imports (ui would be above diagnose)', () => {
    expect(floorOf(path.join(SRC, 'ui/app.tsx'))).toBeGreaterThan(
      floorOf(path.join(SRC, 'diagnose/diagnose.ts')),
    );
    expect(localImports(path.join(SRC, 'diagnose/types.ts')).map(rel)).toContain('probe/types.ts');
  });
});
