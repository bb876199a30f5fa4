// OpenSSH's wildcard patterns: `*` any run, `?` exactly one character, lists with `,` and `!` negation.

/** Whether `text` matches one pattern (case-sensitive, as ssh's match_pattern). */
export function matchPattern(text: string, pattern: string): boolean {
  let t = 0;
  let p = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      t++;
      p++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      resumeAt = t;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++resumeAt;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * A comma-separated pattern list: false when a negated pattern matches, else true when a plain one does.
 * `lower` lower-cases the patterns (and the caller the text), as ssh does for host names.
 */
export function matchPatternList(text: string, list: string, lower: boolean): boolean {
  let positive = false;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    const body = negated ? raw.slice(1) : raw;
    if (!matchPattern(text, lower ? body.toLowerCase() : body)) continue;
    if (negated) return false;
    positive = true;
  }
  return positive;
}
