// systemd's grammar for Environment= (space-separated `NAME=value` words, each optionally quoted).
import { unknownEscape } from './escapes.js';
import { splitQuotedWords } from './quoted-words.js';

// systemd takes the names a shell takes (env_name_is_valid()): no `-`, `.` or non-ASCII letter.
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What is wrong with an Environment= value in systemd's words, or undefined when systemd accepts it. */
export function environmentProblem(text: string): string | undefined {
  const words = splitQuotedWords(text);
  if (words === undefined) return 'unbalanced quotes';
  const unknown = unknownEscape(text);
  if (unknown) return `unknown escape sequence ${unknown}`;
  for (const word of words) {
    const equals = word.indexOf('=');
    if (equals <= 0 || !/^[^=\s]+$/.test(word.slice(0, equals)))
      return `not a NAME=value assignment: ${word}`;
    if (!ENV_NAME.test(word.slice(0, equals)))
      return `${word.slice(0, equals)} is not a variable name (letters, digits and _, not first a digit)`;
  }
  return undefined;
}

/**
 * What systemd says when it ignores a word of `PassEnvironment=` (variable names) or `UnsetEnvironment=`
 * (names or `NAME=value` assignments), or undefined. Words with a specifier or an escape are not judged.
 */
export function environmentNamesProblem(key: string, text: string): string | undefined {
  if (key !== 'PassEnvironment' && key !== 'UnsetEnvironment') return undefined;
  for (const word of splitQuotedWords(text) ?? []) {
    if (/[%\\]/.test(word)) continue;
    const name = key === 'UnsetEnvironment' ? word.replace(/=.*$/s, '') : word;
    if (!ENV_NAME.test(name))
      return key === 'PassEnvironment'
        ? `Invalid environment name for PassEnvironment, ignoring: ${word}`
        : `Invalid environment name or assignment UnsetEnvironment, ignoring: ${word}`;
  }
  return undefined;
}
