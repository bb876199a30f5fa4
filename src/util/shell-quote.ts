// The one quoting function: everything that reaches a remote shell passes through here.

/** Quote one word for a POSIX shell so that it stays exactly one literal argument. */
export function quoteArg(word: string): string {
  if (word.includes('\0')) throw new Error('a NUL byte cannot be passed to a shell');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Join an argument array into one shell command line, each argument quoted once. */
export function shellCommand(args: readonly string[]): string {
  if (args.length === 0) throw new Error('an empty command cannot be run');
  return args.map(quoteArg).join(' ');
}
