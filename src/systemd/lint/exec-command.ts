// systemd's grammar for ExecStart= and the other command lines (systemd.service(5) "Command lines").
import { splitQuotedWords } from './quoted-words.js';

/** What is wrong with a command line in systemd's words (its first command is checked), or undefined. */
export function execCommandProblem(text: string): string | undefined {
  return commandProblem(text);
}

function commandProblem(command: string): string | undefined {
  const trimmed = command.trim();
  const words = splitQuotedWords(trimmed.slice(prefixLength(trimmed)));
  if (words === undefined) return 'unbalanced quotes';
  const path = words[0] ?? '';
  if (path === '') return 'empty executable path';
  if (!path.startsWith('/') && path.includes('/'))
    return `neither a valid executable name nor an absolute path: ${path}`;
  return undefined;
}

// The length of the `-@:+!` prefixes systemd reads (`+` excludes `!` and `!!`, each at most once).
function prefixLength(command: string): number {
  let ignoreFailure = false;
  let argv0 = false;
  let noEnv = false;
  let privilege: '' | '+' | '!' | '!!' = '';
  let index = 0;
  for (; index < command.length; index++) {
    const char = command[index];
    if (char === '-' && !ignoreFailure) ignoreFailure = true;
    else if (char === '@' && !argv0) argv0 = true;
    else if (char === ':' && !noEnv) noEnv = true;
    else if (char === '+' && privilege === '') privilege = '+';
    else if (char === '!' && privilege === '') privilege = '!';
    else if (char === '!' && privilege === '!') privilege = '!!';
    else break;
  }
  return index;
}
