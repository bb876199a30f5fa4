// One path component of an `Include` pattern as OpenSSH's glob(3) matches it: `*`, `?`, `[...]` (`!` negates,
// `a-z` ranges, `[:digit:]` classes, a leading `]` is literal, no `]` at all makes `[` literal), `\` quoting
// the next character, and a name starting with `.` matched only by a pattern starting with `.`.

const CHARACTER_CLASSES: Record<string, RegExp> = {
  alnum: /[A-Za-z0-9]/,
  alpha: /[A-Za-z]/,
  blank: /[ \t]/,
  cntrl: /[\x00-\x1f\x7f]/,
  digit: /[0-9]/,
  graph: /[\x21-\x7e]/,
  lower: /[a-z]/,
  print: /[\x20-\x7e]/,
  punct: /[!-/:-@[-`{-~]/,
  space: /[ \t\n\v\f\r]/,
  upper: /[A-Z]/,
  xdigit: /[0-9A-Fa-f]/,
};

/** True when a path component is a pattern to expand (a glob character, or a `\` to remove). */
export function isGlobPattern(part: string): boolean {
  return /[*?[\\]/.test(part);
}

/** Whether a directory entry's name matches one component of an Include pattern. */
export function matchGlob(name: string, pattern: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  return matchFrom(name, 0, pattern, 0);
}

function matchFrom(name: string, from: number, pattern: string, at: number): boolean {
  let n = from;
  let p = at;
  while (p < pattern.length) {
    const c = pattern[p] as string;
    if (c === '*') {
      while (pattern[p] === '*') p++;
      if (p === pattern.length) return true;
      for (let rest = n; rest <= name.length; rest++) if (matchFrom(name, rest, pattern, p)) return true;
      return false;
    }
    if (n >= name.length) return false;
    const bracket = c === '[' ? readBracket(pattern, p) : undefined;
    if (c === '?' || bracket) {
      if (bracket && !bracket.matches(name[n] as string)) return false;
      n++;
      p = bracket ? bracket.end : p + 1;
      continue;
    }
    const quoted = c === '\\' && p + 1 < pattern.length;
    if (name[n] !== (quoted ? pattern[p + 1] : c)) return false;
    n++;
    p += quoted ? 2 : 1;
  }
  return n === name.length;
}

// The `[...]` expression at `start`: what it matches and where the pattern goes on; undefined when it has no
// closing `]` (the `[` is then an ordinary character).
function readBracket(
  pattern: string,
  start: number,
): { matches: (ch: string) => boolean; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!';
  if (negated) i++;
  const tests: ((ch: string) => boolean)[] = [];
  let first = true;
  while (i < pattern.length && (first || pattern[i] !== ']')) {
    first = false;
    const named = /^\[:([a-z]+):\]/.exec(pattern.slice(i));
    const klass = named ? CHARACTER_CLASSES[named[1] as string] : undefined;
    if (named && klass) {
      tests.push((ch) => klass.test(ch));
      i += named[0].length;
      continue;
    }
    let low = pattern[i] as string;
    if (low === '\\' && i + 1 < pattern.length) low = pattern[++i] as string;
    i++;
    if (pattern[i] === '-' && i + 1 < pattern.length && pattern[i + 1] !== ']') {
      let high = pattern[i + 1] as string;
      i += 2;
      if (high === '\\' && i < pattern.length) high = pattern[i++] as string;
      tests.push((ch) => low <= ch && ch <= high);
    } else tests.push((ch) => ch === low);
  }
  if (i >= pattern.length) return undefined;
  return { matches: (ch) => tests.some((test) => test(ch)) !== negated, end: i + 1 };
}
