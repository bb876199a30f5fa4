// Python's str.strip() with no argument, as Ansible's INI reader strips lines and `key = value` parts: it
// removes what str.isspace() calls whitespace, which is not JavaScript's trim() set (a byte order mark
// U+FEFF stays, as it does for Ansible; \x1c-\x1f and U+0085 go).

const PYTHON_SPACE =
  '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGES = new RegExp(`^${PYTHON_SPACE}+|${PYTHON_SPACE}+$`, 'g');

/** `text` without the leading and trailing characters Python counts as whitespace. */
export function pythonStrip(text: string): string {
  return text.replace(EDGES, '');
}
