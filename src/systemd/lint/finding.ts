// What lint reports, and what it reads.

/** One problem found in a unit file or drop-in. */
export interface Finding {
  file: string;
  line: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A unit file or drop-in to lint: a drop-in is a `*.conf` file unless `kind` says otherwise. */
export interface LintFile {
  path: string;
  content: string;
  kind?: 'unit' | 'dropin';
}

/** What lint knows beyond the files themselves. */
export interface LintContext {
  /** The user the inventory says the unit runs as; the effective `User=` must match it. */
  runAs?: string;
  /** The unit is started by another unit (a timer), so it needs no [Install] section. */
  triggered?: boolean;
}

/** The kind of a lint input: as given, else a `*.conf` file is a drop-in. */
export function lintFileKind(file: LintFile): 'unit' | 'dropin' {
  return file.kind ?? (file.path.endsWith('.conf') ? 'dropin' : 'unit');
}

/** The unit type (`service`, `timer`, ...) of a unit path or of a drop-in inside `NAME.TYPE.d/`. */
export function unitTypeOf(path: string): string | undefined {
  const match = /\.([a-z]+)(?:\.d\/[^/]+)?$/.exec(path);
  const type = match?.[1];
  return type === 'conf' ? undefined : type;
}
