// Read unit-file text into the lossless model (systemd.syntax(7): sections, comments, continuations).
import type { DirectiveLine, UnitFile, UnitLine, UnitSection } from './unit-file.js';

const SECTION_HEADER = /^\[([^\]]+)\]$/;
const ASSIGNMENT = /^([A-Za-z0-9_\-.@]+)\s*=\s*(.*)$/s;

// Parse unit or drop-in text; lines systemd could not read become `invalid` lines rather than errors.
export function parseUnit(text: string, path = '<unit>'): UnitFile {
  const finalNewline = text.endsWith('\n');
  const physical = text.length === 0 ? [] : (finalNewline ? text.slice(0, -1) : text).split('\n');
  const unit: UnitFile = { path, preamble: [], sections: [], finalNewline };
  let target: UnitLine[] = unit.preamble;
  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index] ?? '';
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      target.push({ kind: 'blank', raw, line: lineNumber });
      continue;
    }
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) {
      target.push({ kind: 'comment', raw, line: lineNumber });
      continue;
    }
    const header = SECTION_HEADER.exec(trimmed);
    if (header) {
      const section: UnitSection = { name: header[1] ?? '', raw, line: lineNumber, lines: [] };
      unit.sections.push(section);
      target = section.lines;
      continue;
    }
    const rawLines = [raw];
    while (endsWithContinuation(rawLines[rawLines.length - 1] ?? '') && index + 1 < physical.length) {
      index++;
      rawLines.push(physical[index] ?? '');
    }
    target.push(readAssignment(rawLines, lineNumber));
  }
  return unit;
}

function endsWithContinuation(raw: string): boolean {
  return raw.trimEnd().endsWith('\\');
}

// One logical line: physical lines joined the way systemd does (backslash-newline becomes a space).
function readAssignment(rawLines: string[], lineNumber: number): DirectiveLine | UnitLine {
  const raw = rawLines.join('\n');
  const logical = rawLines
    .filter((part, i) => i === 0 || !/^\s*[#;]/.test(part))
    .map((part, i, all) => (i < all.length - 1 ? part.trimEnd().slice(0, -1) : part))
    .join(' ');
  const match = ASSIGNMENT.exec(logical.trim());
  if (!match) return { kind: 'invalid', raw, line: lineNumber };
  return { kind: 'directive', key: match[1] ?? '', value: (match[2] ?? '').trim(), raw, line: lineNumber };
}
