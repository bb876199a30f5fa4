// Lint rules that look at one file on its own: layout, sections, keys, values.
import { isListDirective } from '../list-directives.js';
import { parseMemoryLimit } from '../memory-limit.js';
import type { UnitFile } from '../unit-file.js';
import type { Finding } from './finding.js';
import { KNOWN_DIRECTIVES } from './known-directives.js';

const SECTIONS_BY_TYPE: Record<string, string[]> = {
  service: ['Unit', 'Service', 'Install'],
  timer: ['Unit', 'Timer', 'Install'],
};
const ALL_SECTIONS = ['Unit', 'Service', 'Timer', 'Install'];
const MEMORY_KEYS = new Set([
  'MemoryMax',
  'MemoryHigh',
  'MemoryLow',
  'MemoryMin',
  'MemorySwapMax',
  'MemoryLimit',
]);
const START_LIMIT_COMPAT = new Set(['StartLimitBurst', 'StartLimitInterval', 'StartLimitAction']);

// Findings about one parsed file of the given unit type (undefined when the type is not known).
export function lintFileRules(unit: UnitFile, unitType: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const add = (line: number, rule: string, severity: Finding['severity'], message: string) =>
    findings.push({ file: unit.path, line, rule, severity, message });
  for (const line of unit.preamble) {
    if (line.kind === 'directive')
      add(line.line, 'outside-section', 'error', `'${line.key}' is outside any section: systemd ignores it`);
  }
  const allowed = (unitType && SECTIONS_BY_TYPE[unitType]) || ALL_SECTIONS;
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
      if (line.kind === 'invalid')
        add(
          line.line,
          'invalid-line',
          'error',
          `not a section, comment or key=value line: systemd ignores it`,
        );
      if (line.kind !== 'directive' || !known) continue;
      const { key, value } = line;
      if (section.name === 'Service' && key === 'StartLimitIntervalSec') {
        add(
          line.line,
          'start-limit-in-service',
          'error',
          'StartLimitIntervalSec belongs in [Unit]: systemd ignores it in [Service]',
        );
      } else if (section.name === 'Service' && START_LIMIT_COMPAT.has(key)) {
        add(
          line.line,
          'start-limit-in-service',
          'warning',
          `${key} belongs in [Unit]: [Service] accepts it only for compatibility`,
        );
      } else if (!key.startsWith('X-') && !KNOWN_DIRECTIVES[section.name]?.has(key)) {
        add(
          line.line,
          'unknown-key',
          'error',
          `unknown key '${key}' in [${section.name}]: systemd ignores it`,
        );
      }
      if (MEMORY_KEYS.has(key) && value !== '' && !parseMemoryLimit(value)) {
        add(
          line.line,
          'memory-limit',
          'error',
          `invalid ${key} '${value}': use bytes with an optional K/M/G/T suffix, a percentage or 'infinity'`,
        );
      }
      if (value !== '' && !isListDirective(key)) {
        const previous = seen.get(key);
        if (previous !== undefined) {
          add(
            line.line,
            'duplicate-key',
            'warning',
            `${key} is set again (first on line ${previous}): only the last one counts`,
          );
        } else seen.set(key, line.line);
      } else if (value === '') seen.delete(key);
    }
  }
  return findings;
}
