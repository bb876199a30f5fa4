// A tiny, safe evaluator for a task's `when`: comparisons, `in`, `not`, `and`, `or`, parentheses. No code runs.

/** Variables a `when` expression can read. */
export type WhenScope = Readonly<Record<string, unknown>>;

type Token = { kind: 'str' | 'num' | 'ident' | 'op' | 'paren'; text: string };

const TOKEN_PATTERN = /\s*(?:'([^']*)'|"([^"]*)"|(\d+)|(==|!=)|([()])|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  while (TOKEN_PATTERN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN_PATTERN.lastIndex))) break;
    const at = TOKEN_PATTERN.lastIndex;
    const match = TOKEN_PATTERN.exec(expression);
    if (!match) throw new Error(`unexpected character at column ${at + 1}`);
    if (match[1] !== undefined || match[2] !== undefined)
      tokens.push({ kind: 'str', text: match[1] ?? match[2]! });
    else if (match[3] !== undefined) tokens.push({ kind: 'num', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'op', text: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: 'paren', text: match[5] });
    else tokens.push({ kind: 'ident', text: match[6]! });
  }
  return tokens;
}

// Recursive descent over: or := and ('or' and)*; and := not ('and' not)*; not := 'not' not | cmp;
// cmp := value (('=='|'!='|'in'|'not' 'in') value)?; value := string | number | true | false | name | '(' or ')'.
class WhenParser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: WhenScope,
  ) {}

  parse(): boolean {
    const result = this.or();
    if (this.position < this.tokens.length)
      throw new Error(`unexpected '${this.tokens[this.position]!.text}'`);
    return truthy(result);
  }

  private peek(text?: string): Token | undefined {
    const token = this.tokens[this.position];
    return token && (text === undefined || token.text === text) ? token : undefined;
  }

  private take(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Error('expression ends too early');
    return token;
  }

  private or(): unknown {
    return this.chain(
      'or',
      () => this.and(),
      (left, right) => truthy(left) || truthy(right),
    );
  }

  private and(): unknown {
    return this.chain(
      'and',
      () => this.not(),
      (left, right) => truthy(left) && truthy(right),
    );
  }

  // `operand (keyword operand)*`, folded left to right with `combine`.
  private chain(
    keyword: string,
    operand: () => unknown,
    combine: (left: unknown, right: unknown) => boolean,
  ) {
    let left = operand();
    while (this.peek(keyword)) {
      this.take();
      left = combine(left, operand());
    }
    return left;
  }

  private not(): unknown {
    if (this.peek('not') && this.tokens[this.position + 1]?.text !== 'in') {
      this.take();
      return !truthy(this.not());
    }
    return this.comparison();
  }

  private comparison(): unknown {
    const left = this.value();
    const token = this.peek();
    if (token?.text === '==' || token?.text === '!=') {
      this.take();
      const equal = looseEqual(left, this.value());
      return token.text === '==' ? equal : !equal;
    }
    if (token?.text === 'in') {
      this.take();
      return contains(this.value(), left);
    }
    if (token?.text === 'not' && this.tokens[this.position + 1]?.text === 'in') {
      this.position += 2;
      return !contains(this.value(), left);
    }
    return left;
  }

  private value(): unknown {
    const token = this.take();
    if (token.kind === 'str') return token.text;
    if (token.kind === 'num') return Number(token.text);
    if (token.text === '(') {
      const inner = this.or();
      if (this.take().text !== ')') throw new Error("missing ')'");
      return inner;
    }
    if (token.kind !== 'ident' || ['and', 'or', 'not', 'in'].includes(token.text)) {
      throw new Error(`unexpected '${token.text}'`);
    }
    if (token.text === 'true') return true;
    if (token.text === 'false') return false;
    if (!(token.text in this.scope) || token.text in Object.prototype)
      throw new Error(`undefined variable '${token.text}'`);
    return this.scope[token.text];
  }
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function looseEqual(a: unknown, b: unknown): boolean {
  return typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : a === b;
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (Array.isArray(haystack)) return haystack.some((entry) => looseEqual(entry, needle));
  if (typeof haystack === 'string') return typeof needle === 'string' && haystack.includes(needle);
  throw new Error("the right side of 'in' must be a list or a string");
}

/** Evaluate a `when` expression against variables; throws an Error with a short reason when it is malformed. */
export function evaluateWhen(expression: string, scope: WhenScope): boolean {
  return new WhenParser(tokenize(expression), scope).parse();
}

/** Check a `when` expression's syntax without variables (undefined names are fine here); the reason, or null. */
export function whenSyntaxError(expression: string): string | null {
  try {
    const permissive = new Proxy({} as Record<string, unknown>, {
      has: () => true,
      get: () => [],
    });
    new WhenParser(tokenize(expression), permissive).parse();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
