// systemd's grammar for Environment= (space-separated `NAME=value` words, each optionally quoted).
import { unknownEscape } from './escapes.js';
import { splitQuotedWords } from './quoted-words.js';

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
  }
  return undefined;
}
