// Ansible host ranges: `web[01:03]` is web01, web02, web03; `db-[a:c]` is db-a..db-c; `[0:10:5]` steps.
import { HfleetError } from '../errors.js';

const RANGE = /\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::([0-9]+))?\]/;
/** More names than this from one pattern is refused (a typo like [0:999999]). */
export const MAX_EXPANDED_HOSTS = 10_000;

// Every name a pattern stands for, in order (a name without a range is itself).
export function expandHostPattern(pattern: string): string[] {
  const match = RANGE.exec(pattern);
  if (!match) return [pattern];
  const [whole, from = '', to = '', stepText] = match;
  const step = stepText === undefined ? 1 : Number(stepText);
  const numeric = /^[0-9]+$/.test(from);
  if (numeric !== /^[0-9]+$/.test(to) || step < 1) {
    throw new HfleetError('INVENTORY_INVALID', `host pattern '${pattern}': bad range ${whole}`);
  }
  const start = numeric ? Number(from) : from.charCodeAt(0);
  const end = numeric ? Number(to) : to.charCodeAt(0);
  if (end < start || (end - start) / step >= MAX_EXPANDED_HOSTS) {
    throw new HfleetError(
      'INVENTORY_INVALID',
      `host pattern '${pattern}': range ${whole} is empty or too large`,
    );
  }
  const width = numeric && from.startsWith('0') ? from.length : 0;
  const names: string[] = [];
  for (let value = start; value <= end; value += step) {
    const text = numeric ? String(value).padStart(width, '0') : String.fromCharCode(value);
    const head = pattern.slice(0, match.index);
    for (const rest of expandHostPattern(pattern.slice(match.index + whole.length)))
      names.push(`${head}${text}${rest}`);
  }
  return names;
}
