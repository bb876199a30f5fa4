// Keys the oldest supported systemd (247, Debian 11) reads and systemd 252 no longer knows: on 247 they work,
// on 252 and newer systemd ignores them. test/e2e/lint-releases.test.ts checks this list against the real
// systemd 247 and 252 (the lab's bullseye and bookworm base images).

const CGROUP = ['Service', 'Socket', 'Mount', 'Swap', 'Slice', 'Scope'];

/** Key -> the sections it belongs in, and the name newer systemd reads instead. */
const OLDER: Readonly<Record<string, { sections: readonly string[]; now: string }>> = {
  ManagedOOMMemoryPressureLimitPercent: { sections: CGROUP, now: 'ManagedOOMMemoryPressureLimit' },
};

/** The oldest systemd whose keys this list holds. */
export const OLDER_DIRECTIVES_VERSION = 247;

/** The key systemd 252 reads in place of `key` in `[section]`, when 247 knows `key` and 252 does not. */
export function newerNameOf(section: string, key: string): string | undefined {
  const older = OLDER[key];
  return older?.sections.includes(section) ? older.now : undefined;
}

/** Every key of the list with its sections, for the check against the real binaries. */
export function olderDirectiveSections(): Map<string, readonly string[]> {
  return new Map(Object.entries(OLDER).map(([key, { sections }]) => [key, sections]));
}
