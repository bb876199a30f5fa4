// A JSON Schema validator for the agreement tests: ajv when it is installed, else undefined (tests skip).
import { createRequire } from 'node:module';

/** Validates a value against one compiled schema; returns error texts (empty: valid). */
export type SchemaCheck = (value: unknown) => string[];

const AJV_2020 = 'ajv/dist/2020.js';

interface AjvLike {
  compile(schema: object): ((value: unknown) => boolean) & {
    errors?: { instancePath: string; message?: string }[] | null;
  };
}

// Compile `schema` with ajv (draft 2020-12, strict), or undefined when ajv is not installed.
export async function compileWithAjv(schema: object): Promise<SchemaCheck | undefined> {
  try {
    createRequire(import.meta.url).resolve(AJV_2020);
  } catch {
    return undefined;
  }
  const module = (await import(AJV_2020)) as { default: new (options: object) => AjvLike };
  const ajv = new module.default({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
  });
  const validate = ajv.compile(schema);
  return (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** Why the agreement tests are skipped when ajv is missing. */
export const AJV_MISSING = 'ajv is not installed (devDependency); schema/validator agreement not checked';
