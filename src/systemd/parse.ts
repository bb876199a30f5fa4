// Read unit-file text into the lossless model, line by line as systemd's config parser does (systemd.syntax(7)).
import type { DirectiveLine, UnitFile, UnitLine, UnitSection } from './unit-file.js';

/** Parse unit or drop-in text; lines systemd could not read become `invalid` lines rather than errors. */
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
    if (isComment(raw)) {
      target.push({ kind: 'comment', raw, line: lineNumber });
      continue;
    }
    const rawLines = [raw];
    // A line ending in an unescaped backslash goes on; comment lines inside the continuation are skipped.
    while (index + 1 < physical.length) {
      const previous = rawLines[rawLines.length - 1] ?? '';
      if (!isComment(previous) && !endsWithContinuation(previous)) break;
      index++;
      rawLines.push(physical[index] ?? '');
    }
    const logical = joinContinuation(rawLines).trim();
    if (logical === '') {
      target.push({ kind: 'blank', raw: rawLines.join('\n'), line: lineNumber });
      continue;
    }
    const header = /^\[(.*)\]$/s.exec(logical);
    if (header) {
      const section: UnitSection = {
        name: header[1] ?? '',
        raw: rawLines.join('\n'),
        line: lineNumber,
        lines: [],
      };
      unit.sections.push(section);
      target = section.lines;
      continue;
    }
    target.push(readAssignment(logical, rawLines.join('\n'), lineNumber));
  }
  return unit;
}

function isComment(raw: string): boolean {
  const first = raw.trimStart()[0];
  return first === '#' || first === ';';
}

// True when the line's last character is a backslash that is not itself escaped (`\\` at the end is not).
function endsWithContinuation(raw: string): boolean {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  let escaped = false;
  for (const char of line) escaped = escaped ? false : char === '\\';
  return escaped;
}

// Physical lines joined the way systemd does: the final backslash becomes a space (also on the file's last
// line, where nothing follows it), comment lines drop out.
function joinContinuation(rawLines: readonly string[]): string {
  const kept = rawLines.filter((part, i) => i === 0 || !isComment(part));
  return kept
    .map((part) => {
      const line = part.endsWith('\r') ? part.slice(0, -1) : part;
      return endsWithContinuation(line) ? `${line.slice(0, -1)} ` : line;
    })
    .join('');
}

// One logical line as `key=value` (both trimmed, as systemd reads them), or `invalid` without a key and `=`.
function readAssignment(logical: string, raw: string, lineNumber: number): DirectiveLine | UnitLine {
  const equals = logical.indexOf('=');
  const key = equals < 0 ? '' : logical.slice(0, equals).trim();
  if (key === '') return { kind: 'invalid', raw, line: lineNumber };
  return { kind: 'directive', key, value: logical.slice(equals + 1).trim(), raw, line: lineNumber };
}
