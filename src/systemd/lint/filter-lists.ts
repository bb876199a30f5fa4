// The sandboxing lists `SystemCallFilter=`, `SystemCallLog=` and `RestrictAddressFamilies=` (systemd.exec(5)),
// read as systemd 252 reads them: a `~` before the first word turns the whole list into a deny list, then
// whitespace-separated names (no quotes, no commas). Which system calls, groups and address families exist
// depends on the machine and the version, so only word shapes no name has are named here (`~` again before a
// later word, a comma, a `#` comment); a miss costs less than a false error.

/** A system call or `@group`, with an optional `:errno` (deny lists only). */
const SYSCALL_WORD = /^@?[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+)?$/;
/** An address family as systemd names them (`AF_INET`, `af_unix`). */
const FAMILY_WORD = /^AF_[A-Za-z0-9_]+$/i;

/** What systemd says when it ignores a word of one of these lists, or undefined. */
export function filterListProblem(key: string, value: string): string | undefined {
  if (key === 'SystemCallFilter' || key === 'SystemCallLog') return syscallListProblem(key, value);
  if (key === 'RestrictAddressFamilies') return familyListProblem(value);
  return undefined;
}

// The words after the optional leading `~`, and whether it is there.
function listWords(value: string): { inverted: boolean; words: string[] } {
  const trimmed = value.trim();
  const inverted = trimmed.startsWith('~');
  const words = (inverted ? trimmed.slice(1) : trimmed).split(/\s+/).filter((word) => word !== '');
  return { inverted, words };
}

function syscallListProblem(key: string, value: string): string | undefined {
  const { inverted, words } = listWords(value);
  for (const word of words) {
    if (!SYSCALL_WORD.test(word)) return `Failed to parse system call, ignoring: ${word}`;
    if (key === 'SystemCallFilter' && !inverted && word.includes(':'))
      return `Allow-listed system calls cannot take error number, ignoring: ${word}`;
  }
  return undefined;
}

function familyListProblem(value: string): string | undefined {
  if (value.trim() === 'none') return undefined;
  const bad = listWords(value).words.find((word) => !FAMILY_WORD.test(word));
  return bad === undefined ? undefined : `Failed to parse address family, ignoring: ${bad}`;
}
