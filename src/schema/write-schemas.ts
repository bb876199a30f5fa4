// Write schema/*.json from the validators' definitions: `node dist/schema/write-schemas.js` after a build.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JsonSchema } from './field-schema.js';
import { inventorySchema } from './inventory-schema.js';
import { formatJson } from './json-text.js';
import { playbookSchema } from './playbook-schema.js';

/** The directory the schemas are shipped in (`schema/` at the package root, from src/ or dist/). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** Every generated schema by file name. */
export function generatedSchemas(): Record<string, JsonSchema> {
  return { 'inventory.schema.json': inventorySchema(), 'playbook.schema.json': playbookSchema() };
}

/** The file text of a schema: JSON as the project's formatter lays it out, with a final newline. */
export function schemaText(schema: JsonSchema): string {
  return formatJson(schema);
}

/** Write every schema into `dir`; returns the paths written. */
export function writeSchemas(dir: string = SCHEMA_DIR): string[] {
  return Object.entries(generatedSchemas()).map(([name, schema]) => {
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    writeFileSync(path, schemaText(schema));
    return path;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of writeSchemas()) process.stdout.write(`wrote ${path}\n`);
}
