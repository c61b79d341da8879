// What an installed `kb lint` says when the KB authoring packages are missing: which one, and the
// npm command that puts them where Node finds them from this install.
import { describe, expect, test } from 'vitest';
import {
  AUTHORING_PACKAGES,
  installCommand,
  missingAuthoringPackage,
} from '../../src/commands/authoring-packages.js';

const RANGES = {
  unified: '^11.0.5',
  'remark-parse': '^11.0.0',
  'remark-frontmatter': '^5.0.0',
  yaml: '^2.9.1',
  recheck: '^4.5.0',
};
const SPECS =
  "'unified@^11.0.5' 'remark-parse@^11.0.0' 'remark-frontmatter@^5.0.0' 'yaml@^2.9.1' 'recheck@^4.5.0'";

function notFound(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('missingAuthoringPackage', () => {
  test('reads the package from the errors of import and require', () => {
    const esm = notFound(
      'ERR_MODULE_NOT_FOUND',
      "Cannot find package 'yaml' imported from /usr/lib/node_modules/rootless-doctor/dist/kb/parse-entry.js",
    );
    const cjs = notFound(
      'MODULE_NOT_FOUND',
      "Cannot find module 'recheck/package.json'\nRequire stack:\n- /x.js",
    );
    expect(missingAuthoringPackage(esm)).toBe('yaml');
    expect(missingAuthoringPackage(cjs)).toBe('recheck');
  });

  test('is undefined for anything else: another package, a missing file, another error', () => {
    expect(
      missingAuthoringPackage(
        notFound('ERR_MODULE_NOT_FOUND', "Cannot find package 'ink' imported from /x.js"),
      ),
    ).toBeUndefined();
    expect(
      missingAuthoringPackage(
        notFound(
          'ERR_MODULE_NOT_FOUND',
          "Cannot find module '/x/dist/authoring/lint-kb-dir.js' imported from /x.js",
        ),
      ),
    ).toBeUndefined();
    expect(missingAuthoringPackage(new Error("Cannot find package 'yaml'"))).toBeUndefined();
    expect(missingAuthoringPackage('yaml')).toBeUndefined();
  });
});

describe('installCommand', () => {
  test('a global install gets `npm install -g` into its own prefix', () => {
    expect(installCommand('/usr/local/lib/node_modules/rootless-doctor', RANGES)).toBe(
      `npm install -g --prefix /usr/local ${SPECS}`,
    );
  });

  test("a project's install gets `npm install` into that project", () => {
    expect(installCommand('/srv/app/node_modules/rootless-doctor', RANGES)).toBe(
      `npm install --prefix /srv/app ${SPECS}`,
    );
  });

  test('a source checkout gets its own devDependencies', () => {
    expect(installCommand('/home/a/src/rootless-doctor', RANGES)).toBe(
      'npm ci --prefix /home/a/src/rootless-doctor',
    );
  });

  test('paths a shell would split are quoted', () => {
    expect(installCommand('/home/a/my tools/lib/node_modules/rootless-doctor', RANGES)).toBe(
      `npm install -g --prefix '/home/a/my tools' ${SPECS}`,
    );
  });

  test('names every authoring package, in the order kb lint needs them', () => {
    expect(AUTHORING_PACKAGES).toEqual(Object.keys(RANGES));
  });
});
