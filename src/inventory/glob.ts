// `*` and `?` globs for --limit patterns, matched against whole names.

/** A RegExp matching the whole of a name against a glob (`*` any run, `?` one character; nothing else special). */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
