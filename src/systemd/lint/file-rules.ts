// Lint rules that look at one file on its own: layout, sections, keys, values.
import { parseMemoryLimit } from '../memory-limit.js';
import type { DirectiveLine, UnitFile } from '../unit-file.js';
import { DIRECTIVE_TABLE } from './directive-table.js';
import { refusesEmptyValue } from './empty-values.js';
import { unknownEscape } from './escapes.js';
import type { Finding } from './finding.js';
import { isNewerDirective } from './newer-directives.js';
import { newerNameOf } from './older-directives.js';
import { isTemplatePath, resolveSpecifiers, usesInstance } from './specifiers.js';
import { isScalarKey, resolvesSpecifiers, sectionsOf } from './unit-sections.js';
import { isCommandLine, valueNotice, valueProblem } from './value-rules.js';

const MEMORY_KEYS = new Set([
  'MemoryMax',
  'MemoryHigh',
  'MemoryLow',
  'MemoryMin',
  'MemorySwapMax',
  'MemoryLimit',
]);
/** The memory settings where systemd also accepts 0 (0 bytes or 0%). */
const ZERO_ALLOWED = new Set(['MemorySwapMax', 'MemoryLow', 'MemoryMin']);
const START_LIMIT_COMPAT = new Set(['StartLimitBurst', 'StartLimitInterval', 'StartLimitAction']);

type Add = (line: number, rule: string, severity: Finding['severity'], message: string) => void;

/** Findings about one parsed file of the given unit type (undefined when the type is not known). */
export function lintFileRules(unit: UnitFile, unitType: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const add: Add = (line, rule, severity, message) =>
    findings.push({ file: unit.path, line, rule, severity, message });
  for (const line of unit.preamble) {
    if (line.kind === 'directive' || line.kind === 'invalid')
      add(line.line, 'outside-section', 'error', 'a line before any [Section] header: systemd ignores it');
  }
  for (const line of notUtf8Lines(unit)) {
    add(
      line,
      'invalid-utf8',
      'error',
      'not valid UTF-8 (the file is in another encoding?): systemd refuses to load the unit',
    );
  }
  const allowed = sectionsOf(unitType);
  const isTemplate = isTemplatePath(unit.path);
  for (const section of unit.sections) {
    const known = allowed.includes(section.name);
    if (!known && !section.name.startsWith('X-')) {
      add(
        section.line,
        'unknown-section',
        'error',
        `unknown section [${section.name}] for a ${unitType ?? 'unit'} file: systemd ignores it`,
      );
    }
    const seen = new Map<string, number>();
    for (const line of section.lines) {
      if (line.kind === 'invalid') lintInvalidLine(line.raw, line.line, add);
      if (line.kind !== 'directive' || !known || line.key.startsWith('X-')) continue;
      if (!lintKey(section.name, line, add)) continue;
      lintValue(section.name, line, isTemplate, add);
      lintRepetition(section.name, line, seen, add);
    }
  }
  return findings;
}

function lintInvalidLine(raw: string, line: number, add: Add): void {
  if (raw.trim().startsWith('['))
    add(line, 'invalid-section-header', 'error', 'invalid section header: systemd refuses to load the unit');
  else if (raw.trim().startsWith('='))
    add(line, 'invalid-line', 'error', "no key name before '=': systemd ignores the line");
  else
    add(
      line,
      'invalid-line',
      'error',
      "not a [Section] header, comment or key=value line (no '='): systemd ignores it",
    );
}

// False when systemd does not know the key in this section (the finding says what systemd does instead).
function lintKey(section: string, { key, line }: DirectiveLine, add: Add): boolean {
  if (section === 'Service' && key === 'StartLimitIntervalSec') {
    add(
      line,
      'start-limit-in-service',
      'error',
      'StartLimitIntervalSec belongs in [Unit]: systemd ignores it in [Service]',
    );
    return false;
  }
  if (section === 'Service' && START_LIMIT_COMPAT.has(key))
    add(
      line,
      'start-limit-in-service',
      'warning',
      `${key} belongs in [Unit]: [Service] accepts it only for compatibility`,
    );
  if (DIRECTIVE_TABLE[section]?.[key] !== undefined) return true;
  if (isNewerDirective(section, key)) {
    add(
      line,
      'newer-key',
      'warning',
      `'${key}' needs systemd newer than 252 (up to 257): older versions ignore it`,
    );
    return false;
  }
  const newerName = newerNameOf(section, key);
  if (newerName) {
    add(
      line,
      'older-key',
      'warning',
      `'${key}' is systemd 247's name: 252 and newer ignore it and read ${newerName}= instead`,
    );
    return false;
  }
  add(line, 'unknown-key', 'error', `unknown key '${key}' in [${section}]: systemd ignores it`);
  return false;
}

function lintValue(section: string, directive: DirectiveLine, isTemplate: boolean, add: Add): void {
  const { key, value, line } = directive;
  if (value === '') {
    if (refusesEmptyValue(section, key))
      add(
        line,
        'invalid-value',
        'error',
        `${key}= with no value: systemd ignores it (an empty value resets only lists and strings)`,
      );
    return;
  }
  const resolved = resolvesSpecifiers(section, key)
    ? resolveSpecifiers(value, isTemplate)
    : { value, unknown: [], deprecated: [] };
  if (resolved.unknown.length > 0) {
    add(
      line,
      'bad-specifier',
      'error',
      `${key}= uses unknown specifier ${resolved.unknown[0]}: systemd ignores it`,
    );
    return;
  }
  if (resolved.deprecated.length > 0) {
    add(
      line,
      'deprecated-specifier',
      'warning',
      `${key}= uses ${resolved.deprecated[0]}: systemd still resolves the cgroup specifiers %c, %r and %R but deprecates them`,
    );
  }
  if (!isTemplate && usesInstance(value)) {
    if (key === 'User' || key === 'Group') {
      add(
        line,
        'instance-outside-template',
        'error',
        `${key}=${value}: %i is empty outside a template unit (NAME@.service), so systemd refuses the unit`,
      );
      return;
    }
    add(
      line,
      'instance-outside-template',
      'warning',
      `${key}=${value}: %i is empty outside a template unit (NAME@.service)`,
    );
  }
  const problem = valueProblem(section, key, resolved.value);
  if (problem) {
    const effect = problem.fatal ? 'systemd refuses to load the unit' : 'systemd ignores it';
    add(line, 'invalid-value', 'error', `${key}=${value}: ${problem.message}; ${effect}`);
  } else {
    const notice = valueNotice(key, resolved.value);
    if (notice) add(line, 'discouraged-value', 'warning', notice);
    const unknown = isCommandLine(section, key) ? unknownEscape(resolved.value, true) : undefined;
    if (unknown)
      add(
        line,
        'unknown-escape',
        'warning',
        `${key}=: systemd does not know the escape ${unknown} and keeps it as written (\\\\ is a backslash, $$ a dollar sign)`,
      );
  }
  if (MEMORY_KEYS.has(key) && !parseMemoryLimit(value) && !(ZERO_ALLOWED.has(key) && isZeroLimit(value))) {
    add(
      line,
      'memory-limit',
      'error',
      `invalid ${key} '${value}': use bytes with an optional K/M/G/T suffix, a percentage or 'infinity'`,
    );
  }
}

// A single-valued key set twice in one section: only the last assignment counts (lists accumulate instead).
function lintRepetition(
  section: string,
  { key, value, line }: DirectiveLine,
  seen: Map<string, number>,
  add: Add,
) {
  if (value === '') {
    seen.delete(key);
    return;
  }
  if (!isScalarKey(section, key)) return;
  const previous = seen.get(key);
  if (previous === undefined) seen.set(key, line);
  else
    add(
      line,
      'duplicate-key',
      'warning',
      `${key} is set again (first on line ${previous}): only the last one counts`,
    );
}

// `0` or `0%`, written as systemd's size and percentage parsers read them.
function isZeroLimit(value: string): boolean {
  return /^\+?0+(\.0*)?\s*([KMGTPEB]|%|‰)?$/.test(value.trim());
}

// The lines (headers and assignments; comments may hold anything) whose text was not valid UTF-8: decoding
// it as UTF-8 left U+FFFD replacement characters.
function notUtf8Lines(unit: UnitFile): number[] {
  const lines = [...unit.preamble, ...unit.sections.flatMap((section) => [section, ...section.lines])];
  return lines
    .filter((line) => !('kind' in line) || line.kind === 'directive' || line.kind === 'invalid')
    .filter((line) => line.raw.includes('\ufffd'))
    .map((line) => line.line)
    .sort((a, b) => a - b);
}
