// The C-style escapes systemd reads in command lines and Environment= words (systemd.syntax(7) "Quoting").

import { QuoteState } from './quoted-words.js';

const SIMPLE = new Set(['a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"', "'", 's']);
const HEX = /^[0-9a-fA-F]+$/;

/**
 * The first escape sequence in `text` systemd does not know (`\$`, `\x4`, `\000`...), or undefined.
 * With `commandLine`, a `\;` word on its own is the literal `;` argument, as systemd reads it there.
 */
export function unknownEscape(text: string, commandLine = false): string | undefined {
  const state = new QuoteState();
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\\') {
      if (commandLine && state.wordStart && state.quote === '' && /^\\;(\s|$)/.test(text.slice(index))) {
        index++;
        continue;
      }
      const length = escapeLength(text.slice(index + 1));
      if (length === undefined) return text.slice(index, index + 1 + shownLength(text[index + 1] ?? ''));
      index += length;
      state.wordStart = false;
    } else if (!state.takeQuoting(char)) state.wordStart = /\s/.test(char);
  }
  return undefined;
}

// How many characters after the backslash one known escape takes, or undefined when systemd refuses it.
function escapeLength(rest: string): number | undefined {
  const first = rest[0] ?? '';
  if (SIMPLE.has(first)) return 1;
  if (first === 'x') return hexEscape(rest.slice(1, 3), 2, (code) => code !== 0);
  if (first === 'u') return hexEscape(rest.slice(1, 5), 4, (code) => code !== 0);
  if (first === 'U') return hexEscape(rest.slice(1, 9), 8, isValidCharacter);
  if (/^[0-7]{3}/.test(rest)) {
    const code = Number.parseInt(rest.slice(0, 3), 8);
    return code !== 0 && code <= 0o377 ? 3 : undefined;
  }
  return undefined;
}

// How much of a refused escape to show: as many characters as its kind takes.
function shownLength(first: string): number {
  const lengths: Record<string, number> = { x: 3, u: 5, U: 9 };
  return lengths[first] ?? (/[0-7]/.test(first) ? 3 : 1);
}

function hexEscape(digits: string, count: number, valid: (code: number) => boolean): number | undefined {
  if (digits.length !== count || !HEX.test(digits)) return undefined;
  return valid(Number.parseInt(digits, 16)) ? count + 1 : undefined;
}

// A Unicode scalar value systemd accepts in `\U` (not a surrogate nor a non-character).
function isValidCharacter(code: number): boolean {
  if (code === 0 || code >= 0x110000) return false;
  if ((code & 0xfffff800) === 0xd800) return false;
  if (code >= 0xfdd0 && code <= 0xfdef) return false;
  return (code & 0xfffe) !== 0xfffe;
}
