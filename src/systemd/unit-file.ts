// The unit-file model: ordered sections of lines, each line kept as written so that serializing is lossless.

/** A `key=value` assignment; `raw` holds the physical lines as written (continuations included). */
export interface DirectiveLine {
  kind: 'directive';
  key: string;
  /** The value with continuations joined by a space, trimmed, as systemd reads it. */
  value: string;
  raw: string;
  /** 1-based line number of the first physical line. */
  line: number;
}

/** A comment (`#` or `;`), a blank line, or a line systemd could not read (kept for lint). */
export interface OtherLine {
  kind: 'comment' | 'blank' | 'invalid';
  raw: string;
  line: number;
}

/** One line of a unit file below a section header (or before the first one). */
export type UnitLine = DirectiveLine | OtherLine;

/** A `[Name]` header and the lines up to the next header. */
export interface UnitSection {
  name: string;
  raw: string;
  line: number;
  lines: UnitLine[];
}

/** A parsed unit file or drop-in. */
export interface UnitFile {
  /** Where it came from, as given to the parser (used in findings and for drop-in ordering). */
  path: string;
  /** Lines before the first section header. */
  preamble: UnitLine[];
  sections: UnitSection[];
  /** Whether the text ended with a newline. */
  finalNewline: boolean;
}

/** The directives of a parsed file, in file order, each with the section it belongs to. */
export function directivesOf(unit: UnitFile): Array<DirectiveLine & { section: string }> {
  return unit.sections.flatMap((section) =>
    section.lines.flatMap((line) => (line.kind === 'directive' ? [{ ...line, section: section.name }] : [])),
  );
}
