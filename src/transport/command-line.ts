// How an argument array is run and named: the sudo prefix for become, a short label for messages (pure).

/** A short, printable form of a command for messages. */
export function describeCommand(argv: readonly string[]): string {
  const text = argv.join(' ').replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The argument array actually run: behind `sudo -n --` when the host says become. */
export function remoteArgv(argv: readonly string[], become: boolean): readonly string[] {
  return become ? ['sudo', '-n', '--', ...argv] : argv;
}
