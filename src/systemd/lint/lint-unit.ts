// Lint a unit file, or a unit together with its drop-ins.
import { mergeDropins } from '../merge.js';
import { parseUnit } from '../parse.js';
import { lintEffectiveRules } from './effective-rules.js';
import { lintFileRules } from './file-rules.js';
import type { Finding, LintContext, LintFile } from './finding.js';
import { lintFileKind, unitTypeOf } from './finding.js';
import { lintLoadRules } from './load-rules.js';

/** Findings of one unit file or drop-in on its own (a unit also gets the rules on its effective settings). */
export function lintUnitFile(file: LintFile, context: LintContext = {}): Finding[] {
  if (lintFileKind(file) === 'dropin')
    return lintFileRules(parseUnit(file.content, file.path), unitTypeOf(file.path));
  return lintUnitWithDropins(file, [], context);
}

/** Findings of a unit and its drop-ins: each file's own (in file order), then those of the merged result. */
export function lintUnitWithDropins(
  unit: LintFile,
  dropins: readonly LintFile[],
  context: LintContext = {},
): Finding[] {
  const unitType = unitTypeOf(unit.path);
  const parsedUnit = parseUnit(unit.content, unit.path);
  const parsedDropins = dropins.map((dropin) => parseUnit(dropin.content, dropin.path));
  const findings = [parsedUnit, ...parsedDropins].flatMap((file) => lintFileRules(file, unitType));
  const effective = mergeDropins(parsedUnit, parsedDropins);
  const ownSection = parsedUnit.sections.find((section) => section.name.toLowerCase() === unitType);
  findings.push(...lintLoadRules(effective, unit.path, unitType, ownSection?.line ?? 1));
  findings.push(...lintEffectiveRules(effective, unit.path, unitType, context));
  return findings;
}

/** True when any finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** One finding as a line: `FILE:LINE: severity rule: message`. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}: ${finding.severity} ${finding.rule}: ${finding.message}`;
}
