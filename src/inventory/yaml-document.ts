// Turn inventory text into a raw YAML value, safely: size cap, plain data only, no alias bombs.
import { CORE_SCHEMA, load, realMapTag, YAMLException } from 'js-yaml';
import { HfleetError } from '../errors.js';
import { INVENTORY_HINT } from './validate/context.js';

/** Files larger than this are refused before parsing. */
export const MAX_INVENTORY_BYTES = 5 * 1024 * 1024;
/** At most this many `*alias` uses per document; an inventory needs a handful. */
export const MAX_ALIASES = 200;
/** At most this many nodes once aliases are followed (a billion-laughs document has billions). */
export const MAX_EXPANDED_NODES = 200_000;

// Core schema with mappings as Maps: keys keep document order (even `42`) and `__proto__` is just a key.
const SCHEMA = CORE_SCHEMA.withTags(realMapTag);

// Throw INVENTORY_INVALID with the file name in front.
function refuse(file: string, message: string, cause?: unknown): never {
  throw new HfleetError('INVENTORY_INVALID', `${file}: ${message}`, { hint: INVENTORY_HINT, cause });
}

// Count nodes as the validator would see them, following aliases, and stop early past the limit.
function assertBoundedExpansion(root: unknown, file: string): void {
  let visited = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    visited += 1;
    if (visited > MAX_EXPANDED_NODES) {
      refuse(file, `more than ${MAX_EXPANDED_NODES} values once aliases are expanded (an alias bomb?)`);
    }
    if (node instanceof Map) for (const [key, value] of node) stack.push(key, value);
    else if (Array.isArray(node)) stack.push(...node);
  }
}

/** Parse inventory text into a raw value (Maps, arrays, scalars); syntax errors read `FILE:LINE:COL: reason`. */
export function parseYamlDocument(text: string, file: string): unknown {
  if (Buffer.byteLength(text, 'utf8') > MAX_INVENTORY_BYTES) {
    refuse(file, `larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MiB; refusing to parse it`);
  }
  let document: unknown;
  try {
    document = load(text, { schema: SCHEMA, filename: file, maxAliases: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    if (error.mark) {
      const where = `${file}:${error.mark.line + 1}:${error.mark.column + 1}`;
      throw new HfleetError('INVENTORY_INVALID', `${where}: ${error.reason}`, {
        hint: INVENTORY_HINT,
        cause: error,
      });
    }
    if (/input is empty/.test(error.reason))
      refuse(file, 'the file is empty (expected a mapping with customers:)');
    refuse(file, error.reason, error);
  }
  if (document === null || document === undefined)
    refuse(file, 'the file is empty (expected a mapping with customers:)');
  assertBoundedExpansion(document, file);
  return document;
}
