// publint (https://publint.dev) on the package as `npm pack` would ship it: no error, no warning,
// and no suggestion either (bin, exports, files, type and engines as well-kept CLIs have them).
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('publint finds nothing to report', async () => {
  const { messages, pkg } = await publint({ pkgDir: ROOT, level: 'suggestion', strict: true });
  const texts = messages.map((message) => formatMessage(message, pkg) ?? message.code);
  expect(texts).toEqual([]);
  expect(pkg).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
}, 60_000);
