// Split one ssh_config line the way OpenSSH does: a keyword (`Key value`, `Key=value`), then words with
// quotes, backslash escapes and a `#` that starts a comment only at the start of a word.
import { HfleetError } from '../errors.js';

/** One meaningful line of a config file. */
export interface ConfigLine {
  file: string;
  line: number;
  /** Lower case. */
  keyword: string;
  /** The words after the keyword, unquoted. */
  args: string[];
  /** The text after the keyword (and its `=`), untouched: what ProxyCommand takes. */
  rest: string;
}

const WHITESPACE = ' \t\r\n';

const CONFIG_FILE_ERRORS = new WeakSet<HfleetError>();

/** A config error at a place in a file (`FILE:LINE: message`): the config cannot be used for any host. */
export function configError(file: string, line: number, message: string): HfleetError {
  const error = new HfleetError('SSH_CONFIG', `${file}:${line}: ${message}`, {
    hint: 'fix the ssh config (`ssh -G -F FILE HOST` shows how ssh reads it)',
  });
  CONFIG_FILE_ERRORS.add(error);
  return error;
}

/** True for an error made by configError (the whole config is unusable, not one host's values). */
export function isConfigFileError(error: unknown): boolean {
  return error instanceof HfleetError && CONFIG_FILE_ERRORS.has(error);
}

/** The words of `text` (OpenSSH's argv_split with comments on); undefined when a quote is left open. */
export function splitWords(text: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    let word = '';
    let quote = '';
    for (; i < text.length; i++) {
      const ch = text[i] as string;
      const next = text[i + 1];
      if (ch === '\\' && next !== undefined && ('\'"\\'.includes(next) || (quote === '' && next === ' '))) {
        word += next;
        i++;
      } else if (quote === '' && (ch === ' ' || ch === '\t')) break;
      else if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
      else if (quote !== '' && ch === quote) quote = '';
      else word += ch;
    }
    if (quote !== '') return undefined;
    words.push(word);
  }
  return words;
}

/**
 * The words of a `Match` line's criteria as OpenSSH 9.2 reads them (its strdelim()): split on whitespace or
 * one `=`, double quotes group words and are removed, with no backslash escapes (`"a \"b\""` ends at the
 * second quote) and no comments; the words end at an empty word or at a quote left open.
 */
export function matchWords(text: string): string[] {
  const words: string[] = [];
  let at = 0;
  while (at < text.length) {
    const stop = findAny(text, `${WHITESPACE}"=`, at);
    if (stop === -1) {
      words.push(text.slice(at));
      break;
    }
    if (text[stop] === '"') {
      const close = text.indexOf('"', stop + 1);
      if (close === -1) break;
      const word = text.slice(at, stop) + text.slice(stop + 1, close);
      if (word === '') break;
      words.push(word);
      at = skipWhitespace(text, close + 1);
      continue;
    }
    const word = text.slice(at, stop);
    if (word === '') break;
    words.push(word);
    at = skipWhitespace(text, stop + 1);
    if (text[stop] !== '=' && text[at] === '=') at = skipWhitespace(text, at + 1);
  }
  return words;
}

function findAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i] as string)) return i;
  return -1;
}

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && WHITESPACE.includes(text[at] as string)) at++;
  return at;
}

// The keyword and the text after it (`Key value`, `Key=value`, `Key = value`), or undefined for a blank line
// or a comment.
function splitKeyword(text: string): { keyword: string; rest: string } | undefined {
  const trimmed = text.replace(/^[ \t\r\n]+/, '');
  const match = /^[^ \t\r\n"=]*/.exec(trimmed);
  const keyword = match?.[0] ?? '';
  if (keyword === '' || keyword.startsWith('#')) return undefined;
  let rest = trimmed.slice(keyword.length);
  let at = 0;
  while (at < rest.length && WHITESPACE.includes(rest[at] as string)) at++;
  if (rest[at] === '=') at++;
  rest = rest.slice(at);
  return { keyword: keyword.toLowerCase(), rest: rest.replace(/^[ \t\r\n]+/, '') };
}

/** The meaningful lines of a config file's text; throws `FILE:LINE: message` on a line ssh refuses to read. */
export function lexConfig(text: string, file: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const stripped = raw.replace(/[ \t\r\n\f]+$/, '');
    const parts = splitKeyword(stripped);
    if (!parts) return;
    if (parts.rest === '') throw configError(file, line, `no argument after keyword "${parts.keyword}"`);
    const args = splitWords(parts.rest);
    if (!args) throw configError(file, line, 'invalid quotes');
    lines.push({ file, line, keyword: parts.keyword, args, rest: parts.rest });
  });
  return lines;
}
