// Splitting a value into words the way systemd's extract_first_word() does with quotes.

/** Words split on unquoted whitespace with quotes removed and escapes kept; undefined on an open quote. */
export function splitQuotedWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let quote = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\\' && index + 1 < text.length) {
      word = (word ?? '') + char + (text[++index] ?? '');
    } else if (quote !== '') {
      if (char === quote) quote = '';
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word = word ?? '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + char;
  }
  if (quote !== '') return undefined;
  if (word !== undefined) words.push(word);
  return words;
}

/** Quote and word-start state while a command line is walked one character at a time, as systemd reads it. */
export class QuoteState {
  /** The open quote character, or '' outside quotes. */
  quote = '';
  /** True when the next character starts a word (after whitespace, or at the start). */
  wordStart = true;

  /** Take a character that is not part of an escape: true when quoting consumed it (inside quotes, or a quote). */
  takeQuoting(char: string): boolean {
    if (this.quote !== '') {
      if (char === this.quote) this.quote = '';
      return true;
    }
    if (char !== '"' && char !== "'") return false;
    this.quote = char;
    this.wordStart = false;
    return true;
  }
}
