// Settings every host shares, moved from the hosts to `defaults` so the inventory reads as a person writes it.

type Settings = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// The keys of `field` (of each host record) whose value is the same on every host; removed from the hosts.
export function hoistCommon(records: Settings[], pick: (record: Settings) => Settings | undefined): Settings {
  const [first, ...rest] = records.map(pick);
  const common: Settings = {};
  for (const [key, value] of Object.entries(first ?? {})) {
    if (
      rest.every(
        (settings) => settings !== undefined && Object.hasOwn(settings, key) && same(settings[key], value),
      )
    ) {
      common[key] = value;
    }
  }
  for (const record of records) {
    const settings = pick(record);
    for (const key of Object.keys(common)) if (settings) delete settings[key];
  }
  return common;
}
