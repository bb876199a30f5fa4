// Every temporary directory a test makes is removed by that test's file: through test/support/scratch-dir.ts,
// or by the file's own `rmSync`/`rm`. (The run's own TMPDIR, test/support/scratch-root.ts, is only the last net.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const TESTS = join(ROOT, 'test');
const SUPPORT = join(TESTS, 'support');

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === SUPPORT ? [] : testSources(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

it('no test file makes a temp directory that nothing removes', () => {
  const unremoved = testSources(TESTS)
    .filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /\bmkdtemp(Sync)?\(/.test(text) && !/\brm(Sync)?\(/.test(text);
    })
    .map((file) => relative(ROOT, file));
  expect(unremoved).toEqual([]);
});
