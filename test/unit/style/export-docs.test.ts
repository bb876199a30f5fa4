// Every exported declaration in src/ carries a `/** */` comment saying what it is for (editors show it).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');

// An exported declaration; re-exports (`export { a } from`, `export * from`) declare nothing.
const DECLARATION =
  /^export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|type(?!\s*\{)|interface|enum)\b/;

// Lines that may stand between a doc comment and its declaration without breaking the link.
const TRANSPARENT = /^\/\/\s*biome-ignore\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// The `FILE:LINE` of each exported declaration in `text` that no doc block directly precedes.
function undocumentedExports(file: string, text: string): string[] {
  const lines = text.split('\n');
  const missing: string[] = [];
  lines.forEach((line, index) => {
    if (!DECLARATION.test(line)) return;
    let above = index - 1;
    while (above >= 0 && TRANSPARENT.test(lines[above]!.trim())) above -= 1;
    if (!documented(lines, above)) missing.push(`${file}:${index + 1}`);
  });
  return missing;
}

// Whether the comment ending on line `end` is a `/** */` block (and not a `//` line or a plain `/* */`).
function documented(lines: readonly string[], end: number): boolean {
  if (end < 0 || !lines[end]!.trimEnd().endsWith('*/')) return false;
  for (let start = end; start >= 0; start -= 1) {
    const line = lines[start]!.trim();
    if (line.startsWith('/**')) return true;
    if (line.startsWith('/*') || (start < end && line.endsWith('*/'))) return false;
  }
  return false;
}

describe('export docs', () => {
  it('finds a declaration with no doc comment, and passes one with it', () => {
    const text = [
      '// a plain comment',
      'export function a() {}',
      '/** b does this. */',
      'export const b = 1;',
      '/**',
      ' * c does that.',
      ' */',
      '// biome-ignore lint/x: why',
      'export type C = string;',
      '/* not a doc */',
      'export class D {}',
      "export { e } from './e.js';",
      "export type { F } from './f.js';",
    ].join('\n');
    expect(undocumentedExports('f.ts', text)).toEqual(['f.ts:2', 'f.ts:11']);
  });

  it('every exported declaration in src/ has a /** */ comment', () => {
    const missing = sourceFiles(SRC).flatMap((path) =>
      undocumentedExports(relative(ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(missing, `exports with no /** */ comment:\n${missing.join('\n')}`).toEqual([]);
  });
});
