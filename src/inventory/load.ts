// Load an inventory file into the typed Inventory; the only entry point that sees inventory YAML.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { HfleetError } from '../errors.js';
import { buildInventory } from './build-inventory.js';
import type { Inventory } from './types.js';
import { INVENTORY_HINT } from './validate/context.js';
import { MAX_INVENTORY_BYTES, parseYamlDocument } from './yaml-document.js';

/** What parsing depends on besides the text. */
export interface InventoryEnvironment {
  /** Where a leading `~` points (default: the current user's home). */
  home: string;
}

/** Parse and validate inventory text (pure apart from resolving relative paths against `file`'s directory). */
export function parseInventory(
  text: string,
  file: string,
  env: InventoryEnvironment = { home: homedir() },
): Inventory {
  const document = parseYamlDocument(text, file);
  return buildInventory(document, { file, home: env.home, baseDir: resolve(dirname(file)) });
}

/** Read, parse and validate the inventory at `file`. */
export function loadInventory(file: string, env?: InventoryEnvironment): Inventory {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new Error('not a regular file');
    size = stats.size;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new HfleetError('INVENTORY_INVALID', `${file}: cannot read the inventory: ${reason}`, {
      hint: 'pass the inventory path as the first argument, or set HFLEET_INVENTORY (default ./inventory.yml)',
      cause: error,
    });
  }
  if (size > MAX_INVENTORY_BYTES) {
    throw new HfleetError(
      'INVENTORY_INVALID',
      `${file}: larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MiB; refusing to parse it`,
      { hint: INVENTORY_HINT },
    );
  }
  return parseInventory(readFileSync(file, 'utf8'), file, env);
}
