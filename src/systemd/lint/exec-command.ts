// systemd's grammar for ExecStart= and the other command lines (systemd.service(5) "Command lines").
import { QuoteState, splitQuotedWords } from './quoted-words.js';

/** What is wrong with a command line in systemd's words (each of its `;`-separated commands), or undefined. */
export function execCommandProblem(text: string): string | undefined {
  if (splitQuotedWords(text) === undefined) return 'unbalanced quotes';
  for (const command of commandsOf(text)) {
    const problem = commandProblem(command);
    if (problem) return problem;
  }
  return undefined;
}

// The commands of a command line: a `;` word on its own (unquoted, unescaped) separates two; empty ones
// (`a ; ; b`, a final `;`) are skipped as systemd skips them.
function commandsOf(text: string): string[] {
  const commands: string[] = [];
  let start = 0;
  const state = new QuoteState();
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\\') {
      index++;
      state.wordStart = false;
    } else if (!state.takeQuoting(char)) {
      if (char === ';' && state.wordStart && /^(\s|$)/.test(text.slice(index + 1, index + 2))) {
        commands.push(text.slice(start, index));
        start = index + 1;
      } else state.wordStart = /\s/.test(char);
    }
  }
  commands.push(text.slice(start));
  return commands.filter((command) => command.trim() !== '');
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
