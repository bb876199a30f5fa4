// systemd's grammar for ExecStart= and the other command lines (systemd.service(5) "Command lines").
import { splitQuotedWords } from './quoted-words.js';

/** What is wrong with a command line, in systemd's words, or undefined when systemd accepts it. */
export function execCommandProblem(text: string): string | undefined {
  for (const command of splitCommands(text)) {
    const problem = commandProblem(command);
    if (problem) return problem;
  }
  return undefined;
}

// Commands separated by a lone `;` word (kept for compatibility by systemd).
function splitCommands(text: string): string[] {
  return text.split(/\s+;(?:\s+|$)/).filter((command, i) => i === 0 || command.trim() !== '');
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
