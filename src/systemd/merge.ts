// The effective configuration of a unit plus its drop-ins, in systemd's semantics (systemd.unit(5)).
import { isListDirective } from './list-directives.js';
import type { UnitFile } from './unit-file.js';
import { directivesOf } from './unit-file.js';

/** One value in effect, with the file and line it came from. */
export interface EffectiveValue {
  value: string;
  file: string;
  line: number;
}

/** Section name -> directive name -> values in effect (one for single-valued keys, any number for lists). */
export type EffectiveUnit = Map<string, Map<string, EffectiveValue[]>>;

/** Apply drop-ins over a unit: sorted by file name, later single values override, lists accumulate, `Key=` resets. */
export function mergeDropins(unit: UnitFile, dropins: readonly UnitFile[] = []): EffectiveUnit {
  const effective: EffectiveUnit = new Map();
  const ordered = [...dropins].sort((a, b) => compareNames(baseName(a.path), baseName(b.path)));
  for (const file of [unit, ...ordered]) {
    for (const directive of directivesOf(file)) {
      let section = effective.get(directive.section);
      if (!section) {
        section = new Map();
        effective.set(directive.section, section);
      }
      const entry: EffectiveValue = { value: directive.value, file: file.path, line: directive.line };
      if (directive.value === '') section.delete(directive.key);
      else if (isListDirective(directive.key))
        section.set(directive.key, [...(section.get(directive.key) ?? []), entry]);
      else section.set(directive.key, [entry]);
    }
  }
  return effective;
}

/** The values in effect for one key of one section (empty when unset). */
export function effectiveValues(effective: EffectiveUnit, section: string, key: string): EffectiveValue[] {
  return effective.get(section)?.get(key) ?? [];
}

/** The single value in effect for a key, or undefined when unset. */
export function effectiveValue(effective: EffectiveUnit, section: string, key: string): string | undefined {
  const values = effectiveValues(effective, section, key);
  return values[values.length - 1]?.value;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

// systemd orders drop-ins by plain byte-wise comparison of their names (strcmp).
function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
