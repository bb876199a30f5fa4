// An INI inventory value read the way Ansible reads it: as a Python literal when it is one, else as text.
// Ansible passes each value to Python's `ast.literal_eval`: `2222` is an int, `True` a bool, `[1, 2]` a list,
// `'a b'` the string a b, `yes` and `0755` stay strings. Sets, bytes and complex numbers are kept as text.

/** Not a literal this reader understands: the caller keeps the text as it is. */
class NotALiteral extends Error {}

const DECIMAL = /^(?:0(?:_?0)*|[1-9](?:_?[0-9])*)(?![0-9_.eEjJxXoObB])/;
const RADIX = /^0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)(?![0-9a-zA-Z_.])/;
const FLOAT =
  /^(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.)(?:[eE][+-]?[0-9](?:_?[0-9])*)?(?![0-9a-zA-Z_.])|^[0-9](?:_?[0-9])*[eE][+-]?[0-9](?:_?[0-9])*(?![0-9a-zA-Z_.])/;
const STRING_START = /^([rRuUbBfF]{0,2})('''|"""|'|")/;
const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

// A recursive-descent reader over one line of Python.
class LiteralReader {
  private at = 0;
  constructor(private readonly text: string) {}

  /** The whole text as one literal (a bare `a, b` is a tuple, as in Python). */
  readAll(): unknown {
    const first = this.value();
    let result = first;
    if (this.peek() === ',') {
      const items = [first];
      while (this.eat(',') && !this.atEnd()) items.push(this.value());
      result = items;
    }
    if (!this.atEnd()) throw new NotALiteral();
    return result;
  }

  private skipSpace(): void {
    for (;;) {
      const rest = this.text.slice(this.at);
      const space = /^[ \t\f]+/.exec(rest);
      if (space) this.at += space[0].length;
      else if (rest.startsWith('#')) this.at = this.text.length;
      else if (rest.startsWith('\\\n')) this.at += 2;
      else return;
    }
  }

  private atEnd(): boolean {
    this.skipSpace();
    return this.at >= this.text.length;
  }

  private peek(): string {
    this.skipSpace();
    return this.text.charAt(this.at);
  }

  private eat(char: string): boolean {
    if (this.peek() !== char) return false;
    this.at += 1;
    return true;
  }

  private value(): unknown {
    const char = this.peek();
    if (char === '-' || char === '+') {
      this.at += 1;
      const operand = this.value();
      if (typeof operand !== 'number') throw new NotALiteral();
      return char === '-' ? -operand : operand;
    }
    if (char === '[') return this.sequence(']');
    if (char === '(') return this.sequence(')');
    if (char === '{') return this.mapping();
    const rest = this.text.slice(this.at);
    if (STRING_START.test(rest)) return this.strings();
    return this.atom(rest);
  }

  private atom(rest: string): unknown {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    if (name !== undefined) {
      this.at += name.length;
      if (name === 'True') return true;
      if (name === 'False') return false;
      if (name === 'None') return null;
      throw new NotALiteral();
    }
    const radix = RADIX.exec(rest)?.[0];
    if (radix !== undefined) {
      this.at += radix.length;
      return Number(radix.replaceAll('_', '').toLowerCase());
    }
    const float = FLOAT.exec(rest)?.[0];
    if (float !== undefined) {
      this.at += float.length;
      return Number(float.replaceAll('_', ''));
    }
    const decimal = DECIMAL.exec(rest)?.[0];
    if (decimal !== undefined) {
      this.at += decimal.length;
      return Number(decimal.replaceAll('_', ''));
    }
    throw new NotALiteral();
  }

  // `[...]` or `(...)`: a list (a tuple reads as a list, as JSON has it); `(x)` is just x.
  private sequence(close: string): unknown {
    this.at += 1;
    const items: unknown[] = [];
    let trailingComma = false;
    while (!this.eat(close)) {
      items.push(this.value());
      trailingComma = this.eat(',');
      if (!trailingComma && this.peek() !== close) throw new NotALiteral();
    }
    return close === ')' && items.length === 1 && !trailingComma ? items[0] : items;
  }

  // `{k: v, ...}`; a set (`{1, 2}`) is not read. Keys are written as JSON writes them.
  private mapping(): Record<string, unknown> {
    this.at += 1;
    const result: Record<string, unknown> = {};
    while (!this.eat('}')) {
      const key = this.value();
      if (!this.eat(':') || (typeof key === 'object' && key !== null)) throw new NotALiteral();
      Object.defineProperty(result, key === null ? 'null' : String(key), {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (!this.eat(',') && this.peek() !== '}') throw new NotALiteral();
    }
    return result;
  }

  // One or more adjacent string literals, joined as Python joins them.
  private strings(): string {
    let result = '';
    let kind: 'bytes' | 'text' | undefined;
    for (;;) {
      const match = STRING_START.exec(this.text.slice(this.at));
      if (!match) break;
      const prefix = (match[1] ?? '').toLowerCase();
      if (!/^(?:|r|u|b|br|rb)$/.test(prefix)) throw new NotALiteral();
      const thisKind = prefix.includes('b') ? 'bytes' : 'text'; // Ansible decodes bytes to text
      if (kind !== undefined && kind !== thisKind) throw new NotALiteral();
      kind = thisKind;
      const quote = match[2] ?? '"';
      this.at += match[0].length;
      result += this.stringBody(quote, prefix.includes('r'));
      this.skipSpace();
    }
    return result;
  }

  private stringBody(quote: string, raw: boolean): string {
    let body = '';
    for (;;) {
      if (this.at >= this.text.length) throw new NotALiteral();
      if (this.text.startsWith(quote, this.at)) {
        this.at += quote.length;
        return body;
      }
      const char = this.text.charAt(this.at);
      if (char === '\n' && quote.length === 1) throw new NotALiteral();
      if (char !== '\\') {
        body += char;
        this.at += 1;
        continue;
      }
      const next = this.text.charAt(this.at + 1);
      if (next === '') throw new NotALiteral();
      if (raw) {
        body += char + next;
        this.at += 2;
        continue;
      }
      this.at += 2;
      body += this.escape(next);
    }
  }

  private escape(next: string): string {
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) return simple;
    const hexLength = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const hex = this.text.slice(this.at, this.at + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) throw new NotALiteral();
      this.at += hexLength;
      return String.fromCodePoint(Number.parseInt(hex, 16));
    }
    if (/[0-7]/.test(next)) {
      const octal = next + (/^[0-7]{0,2}/.exec(this.text.slice(this.at))?.[0] ?? '');
      this.at += octal.length - 1;
      return String.fromCodePoint(Number.parseInt(octal, 8));
    }
    if (next === 'N') throw new NotALiteral();
    return `\\${next}`;
  }
}

/** `text` as Ansible's INI reader gives it: the Python literal's value, or the text itself. */
export function pythonLiteral(text: string): unknown {
  try {
    const value = new LiteralReader(text.replace(/^[ \t]+/, '')).readAll();
    return typeof value === 'number' && !Number.isFinite(value) ? text : value;
  } catch (error) {
    if (error instanceof NotALiteral || error instanceof RangeError) return text;
    throw error;
  }
}
