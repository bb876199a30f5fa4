// What an OpenSSH client config says for one destination: first value wins, Host and Match blocks in order.
import SSHConfig, { glob, type Line } from 'ssh-config';

/** The options that apply to one destination, by lower-case keyword, each with its values in order. */
export interface ResolvedOptions {
  /** Keyword (lower case) -> the first occurrence's values (IdentityFile keeps every occurrence). */
  values: Map<string, string[]>;
  /** True when a block other than a bare `Host *` (or `Match all`) matched the destination. */
  specific: boolean;
}

/** Who is connecting where, for Match criteria. */
export interface Destination {
  host: string;
  localUser: string;
}

// Keywords whose every occurrence counts, not only the first.
const REPEATABLE = new Set(['identityfile', 'certificatefile']);

// The parsed config text (syntax is forgiving: unknown keywords are kept as data).
export function parseSshConfig(text: string): SSHConfig {
  return SSHConfig.parse(text);
}

// A directive's value as a list of words.
export function wordsOf(value: string | { val: string }[]): string[] {
  return typeof value === 'string' ? [value] : value.map((word) => word.val);
}

// Whether a `Match` block applies; `exec` and unknown criteria never match (hfleet runs no local commands).
function matchApplies(criteria: Record<string, unknown>, hostName: string, dest: Destination, user: string) {
  return Object.entries(criteria).every(([key, raw]) => {
    const patterns = (typeof raw === 'string' ? [raw] : (raw as { val: string }[]).map((w) => w.val)).flatMap(
      (text) => text.split(','),
    );
    switch (key.toLowerCase()) {
      case 'all':
        return true;
      case 'host':
        return glob(patterns, hostName);
      case 'originalhost':
        return glob(patterns, dest.host);
      case 'user':
        return glob(patterns, user);
      case 'localuser':
        return glob(patterns, dest.localUser);
      default:
        return false;
    }
  });
}

// Resolve the options for `dest.host` the way ssh reads its config: in order, the first value of each keyword wins.
export function resolveOptions(config: SSHConfig, dest: Destination): ResolvedOptions {
  const values = new Map<string, string[]>();
  let specific = false;
  const set = (param: string, words: string[]) => {
    const key = param.toLowerCase();
    const earlier = values.get(key);
    if (earlier && REPEATABLE.has(key)) earlier.push(...words);
    else if (!earlier) values.set(key, [...words]);
  };
  const hostName = () => values.get('hostname')?.[0]?.replaceAll('%h', dest.host) ?? dest.host;
  const user = () => values.get('user')?.[0] ?? dest.localUser;
  for (const line of config) {
    if (line.type !== SSHConfig.DIRECTIVE) continue;
    const param = line.param.toLowerCase();
    if (param !== 'host' && param !== 'match') {
      set(line.param, wordsOf(line.value));
      continue;
    }
    const section = line as Line & { config: SSHConfig; criteria?: Record<string, unknown> };
    const patterns = wordsOf(line.value);
    const applies =
      param === 'host'
        ? glob(patterns, dest.host)
        : matchApplies(section.criteria ?? {}, hostName(), dest, user());
    if (!applies) continue;
    const wildcardOnly =
      param === 'host' ? patterns.every((p) => p === '*') : 'all' in (section.criteria ?? {});
    if (!wildcardOnly) specific = true;
    for (const inner of section.config) {
      if (inner.type === SSHConfig.DIRECTIVE) set(inner.param, wordsOf(inner.value));
    }
  }
  return { values, specific };
}
