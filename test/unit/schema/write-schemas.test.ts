import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedSchemas, SCHEMA_DIR, schemaText, writeSchemas } from '../../../src/schema/write-schemas.js';

describe('committed schemas', () => {
  it.each(Object.keys(generatedSchemas()))('schema/%s is what the generator produces', (name) => {
    const committed = readFileSync(join(SCHEMA_DIR, name), 'utf8');
    const generated = schemaText(generatedSchemas()[name] ?? {});
    // When this fails: npm run build && node dist/schema/write-schemas.js, then commit schema/.
    expect(committed).toBe(generated);
  });

  it('writes every schema into a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hfleet-schema-'));
    try {
      const written = writeSchemas(dir);
      expect(written.map((path) => path.slice(dir.length + 1)).sort()).toEqual([
        'inventory.schema.json',
        'playbook.schema.json',
      ]);
      expect(JSON.parse(readFileSync(written[0] ?? '', 'utf8'))).toHaveProperty('$schema');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
