// One inventory field (a row of the validator's field tables) as a JSON Schema fragment.
import type { FieldSpec } from '../inventory/validate/var-fields.js';

/** A JSON Schema (draft 2020-12) object, as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

// The schema its YAML type alone implies.
function baseSchema(type: FieldSpec<unknown>['type']): JsonSchema {
  switch (type) {
    case 'string':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'string-list':
      return { type: 'array', items: { type: 'string' }, uniqueItems: true };
    case 'mapping':
      return { type: ['object', 'null'] };
  }
}

/** The schema of one field: its type, its hints (list hints refine `items`), description and default. */
export function fieldSchema(spec: FieldSpec<unknown>): JsonSchema {
  const base = baseSchema(spec.type);
  const { items, ...hints } = spec.schema ?? {};
  const schema: JsonSchema = { description: spec.description, ...base, ...hints };
  if (items !== undefined) schema['items'] = { ...(base['items'] as JsonSchema), ...(items as JsonSchema) };
  if (spec.default !== undefined) schema['default'] = spec.default;
  return schema;
}
