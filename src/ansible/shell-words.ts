// A host line split into words the way Ansible's INI reader splits it (Python's shlex.split, comments on):
// quotes group and are removed, a backslash escapes the next character, `#` outside quotes ends the line.
import { HfleetError } from '../errors.js';

const SPACE = /[ \t\r\n\v\f]/;

/** The words of `line`; an unclosed quote or a trailing backslash is an error naming `where`. */
export function shellWords(line: string, where: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let at = 0; at < line.length; at += 1) {
    const char = line.charAt(at);
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (line[at + 1] === '"' || line[at + 1] === '\\')) word += line.charAt(++at);
      else word += char;
    } else if (char === '#') {
      break;
    } else if (SPACE.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (char === '\\') {
      if (at + 1 >= line.length) throw new HfleetError('INVENTORY_INVALID', `${where}: no escaped character`);
      word += line.charAt(++at);
      inWord = true;
    } else {
      if (char === '"' || char === "'") quote = char;
      else word += char;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new HfleetError('INVENTORY_INVALID', `${where}: no closing quotation`);
  if (inWord) words.push(word);
  return words;
}
