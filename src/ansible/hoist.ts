// Settings hosts share, moved up (to `defaults`, or to their customer) so the inventory reads as a person
// would write it; hfleet's precedence gives every host the same values as before.

type Settings = Record<string, unknown>;

/** One host's settings in hfleet places, before they are written. */
export interface HostSettings {
  ssh: Settings;
  vars: Settings;
  extra: Settings;
}

const PARTS = ['ssh', 'vars', 'extra'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// The entries every one of `list` has with the same value.
function common(list: Settings[]): Settings {
  const [first, ...rest] = list;
  const shared: Settings = {};
  for (const [key, value] of Object.entries(first ?? {})) {
    if (rest.every((item) => Object.hasOwn(item, key) && same(item[key], value))) shared[key] = value;
  }
  return shared;
}

/** Remove what all `hosts` share from each of them and return it. */
export function hoistShared(hosts: HostSettings[]): HostSettings {
  const shared: HostSettings = { ssh: {}, vars: {}, extra: {} };
  for (const part of PARTS) {
    shared[part] = common(hosts.map((host) => host[part]));
    for (const host of hosts) for (const key of Object.keys(shared[part])) delete host[part][key];
  }
  return shared;
}

/** `vars` with `extra` folded in, or undefined when both are empty. */
export function varsBlock(settings: HostSettings): Settings | undefined {
  const block: Settings = { ...settings.vars };
  if (Object.keys(settings.extra).length > 0) block['extra'] = settings.extra;
  return Object.keys(block).length > 0 ? block : undefined;
}
