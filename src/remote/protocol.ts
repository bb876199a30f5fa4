// The wire protocol between hfleet and its remote scripts: every tagged output line, each tag with one meaning.
//
// A script prints one line per fact or outcome: a one-letter tag, then fields, all separated by TAB; a field
// that may hold any byte (file contents, command output, a lock holder) is base64. The scripts write the
// separators as printf's `\t` and `\n` escapes, never as literal bytes.

/** Every line tag a remote script prints, by meaning; no letter is used twice. */
export const TAG = {
  /** facts: the host lock, `acquired` or `held` + base64 holder. */
  lock: 'L',
  /** facts: the host's clock, in Unix seconds. */
  now: 'N',
  /**
   * facts: a file: path, 1 + mtime, owner, group, mode, base64 content, then (a regular file, not a link) its
   * signature `device:inode:size:mtime:ctime`; or path, 0 when absent.
   */
  file: 'F',
  /** facts: a file whose signature is the one the reader sent (it holds the content): path, 1, mtime, owner, group, mode, signature. */
  fileUnchanged: 'f',
  /** facts: a managed path that is a symbolic link: path, base64 of where it points (after its `file` line). */
  symlink: 'Y',
  /** facts: a drop-in directory was listed (its entries follow as `dropinEntry`). */
  dropinDir: 'D',
  /** facts: a file in a drop-in directory: dir, mtime, path. */
  dropinEntry: 'd',
  /** facts: a user: name, 1 when it exists, else 0. */
  user: 'U',
  /** facts: a tree's ownership: path, 1 when it exists, base64 of the first path owned by someone else. */
  ownership: 'O',
  /** facts: a path: path, 1 when it exists, else 0. */
  exists: 'E',
  /** endpoint probe (facts and health wait): unit, exit status, base64 text, HTTP code (`-` without one). */
  probe: 'H',
  /** facts: `begin` and `end` around `systemctl show` output. */
  showBlock: 'S',
  /** drift: a drop-in's text: path, base64 content. */
  dropinText: 'T',
  /** apply: a step succeeded: label. */
  stepDone: 'K',
  /** apply: the first step that failed: label, exit status, base64 output. */
  stepFailed: 'X',
  /** restart: `systemctl restart` failed: unit. */
  restartFailed: 'R',
  /** commit recovery (facts): outcome, owner, since, what, steps done, steps in all. */
  recovery: 'C',
  /** health wait: unit, the `Key=value` state it ended on. */
  healthWait: 'W',
  /** health wait: unit, the `Key=value` state after its settle window. */
  settled: 'Z',
} as const;

/** One of the line tags. */
export type Tag = (typeof TAG)[keyof typeof TAG];

/** The shell command that prints one tagged line; `fields` are shell words (already quoted). */
export function printTagged(tag: Tag, ...fields: readonly string[]): string {
  return `printf '${tag}${'\\t%s'.repeat(fields.length)}\\n' ${fields.join(' ')}`.trimEnd();
}

/** One output line split into its tag and fields. */
export interface TaggedLine {
  tag: string;
  fields: string[];
}

/** Every line of a script's output, split into tag and fields (untagged lines have an empty field list). */
export function taggedLines(stdout: string): TaggedLine[] {
  return stdout.split('\n').map((line) => {
    const [tag = '', ...fields] = line.split('\t');
    return { tag, fields };
  });
}

/** The fields of each line carrying `tag`, in output order. */
export function linesTagged(stdout: string, tag: Tag): string[][] {
  return taggedLines(stdout)
    .filter((line) => line.tag === tag)
    .map((line) => line.fields);
}

/** Decode a base64 field as UTF-8 ('' when absent). */
export function base64Field(value: string | undefined): string {
  return Buffer.from(value ?? '', 'base64').toString('utf8');
}
