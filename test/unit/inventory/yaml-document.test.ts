import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { MAX_ALIASES, parseYamlDocument } from '../../../src/inventory/yaml-document.js';

// The message `parseYamlDocument` fails with.
function messageOf(text: string): string {
  try {
    parseYamlDocument(text, 'inv.yml');
  } catch (error) {
    if (error instanceof HfleetError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseYamlDocument', () => {
  it('returns mappings as Maps in document order', () => {
    const document = parseYamlDocument('b: 1\n42: x\na: [1, two]\n', 'inv.yml');
    expect(document).toEqual(
      new Map<unknown, unknown>([
        ['b', 1],
        [42, 'x'],
        ['a', [1, 'two']],
      ]),
    );
  });

  it('keeps __proto__ an ordinary key', () => {
    const document = parseYamlDocument('__proto__: { polluted: true }\n', 'inv.yml') as Map<string, unknown>;
    expect(document.get('__proto__')).toBeInstanceOf(Map);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports syntax errors as FILE:LINE:COL with 1-based positions', () => {
    expect(messageOf('a: 1\n  b: [\n')).toMatch(/^inv\.yml:2:\d+: /);
    expect(messageOf('ok: 1\nbad: "unterminated\n')).toMatch(/^inv\.yml:\d+:\d+: /);
    expect(messageOf('x: 1\nx: 2\n')).toBe('inv.yml:2:1: duplicated mapping key');
  });

  it('refuses a billion-laughs document by counting the values its aliases expand to', () => {
    const message = messageOf(readFileSync('test/fixtures/inventories/billion-laughs.yml', 'utf8'));
    expect(message).toBe('inv.yml: more than 200000 values once aliases are expanded (an alias bomb?)');
  });

  it('refuses more than MAX_ALIASES alias uses with a position', () => {
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, () => '*a').join(', ');
    expect(messageOf(`x: &a 1\ny: [${aliases}]\n`)).toMatch(
      new RegExp(`^inv\\.yml:2:\\d+: aliases exceeded maxAliases \\(${MAX_ALIASES}\\)$`),
    );
  });

  it('accepts a few aliases', () => {
    expect(parseYamlDocument('x: &a [1]\ny: *a\n', 'inv.yml')).toEqual(
      new Map([
        ['x', [1]],
        ['y', [1]],
      ]),
    );
  });

  it('refuses text over 5 MiB before parsing', () => {
    expect(messageOf(`# ${'x'.repeat(5 * 1024 * 1024)}\n`)).toBe(
      'inv.yml: larger than 5 MiB; refusing to parse it',
    );
  });

  it('refuses an empty or comment-only document', () => {
    expect(messageOf('')).toBe('inv.yml: the file is empty (expected a mapping with customers:)');
    expect(messageOf('# nothing\n')).toBe('inv.yml: the file is empty (expected a mapping with customers:)');
    expect(messageOf('---\n')).toBe('inv.yml: the file is empty (expected a mapping with customers:)');
  });
});
