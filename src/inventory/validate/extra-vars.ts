// `vars.extra`: free-form variables for custom playbooks, held to the same "no control characters" rule.
import type { HostVars } from '../types.js';
import { checkUnitSafe } from './checks.js';
import { invalid, type ValidationContext, type ValuePath } from './context.js';
import { describeType, expectStringList, optionalMap } from './expect.js';

/** The names `extra` variables may have. */
export const EXTRA_NAME = /^[a-z_][a-z0-9_]*$/;

// One extra value: a string, a finite number, a boolean, or a list of strings.
function parseExtraValue(ctx: ValidationContext, value: unknown, path: ValuePath): HostVars['extra'][string] {
  if (typeof value === 'string') {
    checkUnitSafe(ctx, value, path);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return expectStringList(ctx, value, path, checkUnitSafe);
  return invalid(
    ctx,
    path,
    `must be a string, number, boolean or list of strings, got ${describeType(value)}`,
  );
}

/** Parse an `extra:` mapping into name -> value (own properties only, so `__proto__` is just a name). */
export function parseExtraVars(ctx: ValidationContext, value: unknown, path: ValuePath): HostVars['extra'] {
  const extra: HostVars['extra'] = {};
  for (const [name, item] of optionalMap(ctx, value, path)) {
    const itemPath = [...path, name];
    if (!EXTRA_NAME.test(name)) invalid(ctx, itemPath, 'variable names must match ^[a-z_][a-z0-9_]*$');
    const parsed = parseExtraValue(ctx, item, itemPath);
    Object.defineProperty(extra, name, {
      value: parsed,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return extra;
}
