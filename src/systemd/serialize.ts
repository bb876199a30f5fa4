// Write the unit-file model back to text, exactly as it was read (and new lines in a canonical form).
import type { UnitFile, UnitLine } from './unit-file.js';

/** The text of a parsed (or built) unit file; `serializeUnit(parseUnit(t)) === t` for well-formed text. */
export function serializeUnit(unit: UnitFile): string {
  const lines: string[] = unit.preamble.map(lineText);
  for (const section of unit.sections) {
    lines.push(section.raw);
    for (const line of section.lines) lines.push(lineText(line));
  }
  if (lines.length === 0) return '';
  return lines.join('\n') + (unit.finalNewline ? '\n' : '');
}

function lineText(line: UnitLine): string {
  return line.raw;
}
