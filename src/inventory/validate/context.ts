// Where a value sits in the inventory and how a bad one is reported: `FILE: PATH: message`, one line.
import { HfleetError } from '../../errors.js';

/** Segments from the document root to a value, e.g. `['customers', 'acme', 'hosts', 'acme-2', 'port']`. */
export type ValuePath = readonly (string | number)[];

/** What every validator needs besides the value: the file for messages, and how to resolve local paths. */
export interface ValidationContext {
  /** The inventory path as given, used as the first field of every message. */
  file: string;
  /** The home directory a leading `~` expands to. */
  home: string;
  /** The directory relative local paths (identity_file, known_hosts) are resolved against. */
  baseDir: string;
}

/** The hint every inventory error carries. */
export const INVENTORY_HINT = 'see inventories/example.yml for an annotated inventory with every key';

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

// Text with control characters written as \uXXXX, so a message stays on one line.
function escapeControl(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A path as printed in messages: segments joined by `/`. */
export function pathText(path: ValuePath): string {
  return escapeControl(path.join('/'));
}

/** A value quoted for a message. */
export function shown(value: string): string {
  return `'${escapeControl(value)}'`;
}

/** Throw the one-line INVENTORY_INVALID error for the value at `path`. */
export function invalid(ctx: ValidationContext, path: ValuePath, message: string): never {
  const where = path.length === 0 ? '' : `${pathText(path)}: `;
  throw new HfleetError('INVENTORY_INVALID', `${ctx.file}: ${where}${message}`, { hint: INVENTORY_HINT });
}
