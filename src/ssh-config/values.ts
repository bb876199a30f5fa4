// How ssh reads the values of the keywords hfleet resolves: each reader returns the value or an error text.

/** A parsed value, or why ssh refuses it. */
export type Read<T> = { value: T } | { error: string };

const MULTISTATE: Record<string, Record<string, string>> = {
  flag: { true: 'yes', false: 'no', yes: 'yes', no: 'no' },
  stricthostkeychecking: {
    true: 'true',
    false: 'false',
    yes: 'true',
    no: 'false',
    ask: 'ask',
    off: 'false',
    'accept-new': 'accept-new',
  },
  addressfamily: { inet: 'inet', inet6: 'inet6', any: 'any' },
  canonicalizehostname: { true: 'yes', false: 'no', yes: 'yes', no: 'no', always: 'always' },
};

/** One of a keyword's accepted words (case-insensitive), in the spelling `ssh -G` prints. */
export function readChoice(table: keyof typeof MULTISTATE, word: string): Read<string> {
  const value = MULTISTATE[table]?.[word.toLowerCase()];
  return value === undefined ? { error: `unsupported option "${word}"` } : { value };
}

const TIME_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** A time in seconds as ssh's convtime reads it (`90`, `1m30s`, `2h`); `none` is unset. */
export function readTime(word: string): Read<number | undefined> {
  if (word === 'none') return { value: undefined };
  if (!/^(\d+[sSmMhHdDwW]?)+$/.test(word)) return { error: 'invalid time value' };
  let total = 0;
  for (const [, digits, unit] of word.matchAll(/(\d+)([sSmMhHdDwW]?)/g)) {
    total += Number(digits) * (TIME_UNITS[(unit || 's').toLowerCase()] ?? 1);
  }
  return total > 2 ** 31 - 1 ? { error: 'invalid time value' } : { value: total };
}

/** A non-negative integer (ssh's strtonum). */
export function readInteger(word: string): Read<number> {
  if (/^-\d+$/.test(word)) return { error: 'integer value too small' };
  if (!/^\+?\d+$/.test(word)) return { error: 'integer value invalid' };
  const value = Number(word);
  return value > 2 ** 31 - 1 ? { error: 'integer value too large' } : { value };
}

/** A port: 1-65535, or a service name from /etc/services. */
export function readPort(word: string, servicePort: (name: string) => number | undefined): Read<number> {
  const value = /^\d+$/.test(word) ? Number(word) : servicePort(word);
  return value === undefined || value < 1 || value > 65535 ? { error: `Bad port '${word}'.` } : { value };
}

/** One hop of a ProxyJump list. */
export interface JumpSpec {
  user: string | undefined;
  host: string;
  port: number | undefined;
}

/** `[user@]host[:port]` or `ssh://[user@]host[:port][/]`, as ssh's parse_ssh_uri / parse_user_host_port. */
export function readJumpHop(
  text: string,
  servicePort: (name: string) => number | undefined,
): JumpSpec | undefined {
  let spec = text;
  if (spec.toLowerCase().startsWith('ssh://')) {
    spec = spec.slice(6);
    if (spec.endsWith('/')) spec = spec.slice(0, -1);
    if (spec.includes('/')) return undefined;
  }
  const at = spec.lastIndexOf('@');
  const user = at >= 0 ? spec.slice(0, at) : undefined;
  const hostPort = at >= 0 ? spec.slice(at + 1) : spec;
  if (user === '') return undefined;
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::([^:]*))?$/.exec(hostPort);
  const host = match?.[1] ?? match?.[2];
  if (!match || !host) return undefined;
  if (match[3] === undefined) return { user, host, port: undefined };
  const port = readPort(match[3], servicePort);
  return 'value' in port ? { user, host, port: port.value } : undefined;
}

/** Every hop of a ProxyJump value, first hop first; undefined when one is malformed. */
export function readJumpList(
  text: string,
  servicePort: (name: string) => number | undefined,
): JumpSpec[] | undefined {
  const hops = text.split(',').map((hop) => readJumpHop(hop, servicePort));
  return hops.every((hop) => hop !== undefined) ? (hops as JumpSpec[]) : undefined;
}
