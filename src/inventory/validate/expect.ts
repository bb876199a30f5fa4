// Tiny schema-ish helpers: each checks one raw YAML value's shape and returns it typed, or throws with its path.
import { invalid, shown, type ValidationContext, type ValuePath } from './context.js';

/** A YAML mapping with its keys as strings, in document order. */
export type RawMap = Map<string, unknown>;

/** A short description of a raw value's type, for "got ..." in messages. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'string') return 'a string';
  return typeof value;
}

/** A mapping whose keys are all in `allowedKeys` (when given); keys come back as strings in document order. */
export function expectMap(
  ctx: ValidationContext,
  value: unknown,
  path: ValuePath,
  allowedKeys?: readonly string[],
): RawMap {
  if (!(value instanceof Map)) invalid(ctx, path, `must be a mapping, got ${describeType(value)}`);
  const result: RawMap = new Map();
  for (const [rawKey, item] of value) {
    if (typeof rawKey !== 'string' && typeof rawKey !== 'number') {
      invalid(ctx, path, `keys must be names, got ${describeType(rawKey)}`);
    }
    const key = String(rawKey);
    if (allowedKeys && !allowedKeys.includes(key)) {
      invalid(ctx, [...path, key], `unknown key (expected one of: ${allowedKeys.join(', ')})`);
    }
    result.set(key, item);
  }
  return result;
}

/** Like expectMap, but a missing or empty (null) section is an empty mapping. */
export function optionalMap(
  ctx: ValidationContext,
  value: unknown,
  path: ValuePath,
  allowedKeys?: readonly string[],
): RawMap {
  if (value === undefined || value === null) return new Map();
  return expectMap(ctx, value, path, allowedKeys);
}

/** A string (YAML scalars that resolve to numbers or booleans are refused, so `"22"` and `22` stay distinct). */
export function expectString(ctx: ValidationContext, value: unknown, path: ValuePath): string {
  if (typeof value !== 'string') invalid(ctx, path, `must be a string, got ${describeType(value)}`);
  return value;
}

/** An integer within [min, max]; the message states the range. */
export function expectInt(
  ctx: ValidationContext,
  value: unknown,
  path: ValuePath,
  min: number,
  max: number,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid(ctx, path, `must be an integer ${min}-${max}`);
  }
  return value;
}

/** A boolean (`true` or `false`). */
export function expectBool(ctx: ValidationContext, value: unknown, path: ValuePath): boolean {
  if (typeof value !== 'boolean') invalid(ctx, path, `must be true or false, got ${describeType(value)}`);
  return value;
}

/** A list of strings, each checked by `checkItem`; duplicates are refused. */
export function expectStringList(
  ctx: ValidationContext,
  value: unknown,
  path: ValuePath,
  checkItem: (ctx: ValidationContext, item: string, path: ValuePath) => void = () => {},
): string[] {
  if (!Array.isArray(value)) invalid(ctx, path, `must be a list of strings, got ${describeType(value)}`);
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const text = expectString(ctx, item, [...path, index]);
    checkItem(ctx, text, [...path, index]);
    if (seen.has(text)) invalid(ctx, [...path, index], `duplicate entry ${shown(text)}`);
    seen.add(text);
    return text;
  });
}

/** Fail when a required key is absent. */
export function requireKey(ctx: ValidationContext, map: RawMap, key: string, path: ValuePath): unknown {
  if (!map.has(key)) invalid(ctx, [...path, key], 'is required');
  return map.get(key);
}
