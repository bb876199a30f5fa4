// The Debian releases a lab host can run, and how `--release` spreads them over the hosts.
import { HfleetError } from '../errors.js';

/** The releases the lab can boot, oldest first, with the systemd each ships. */
export const LAB_RELEASES = {
  bullseye: { debian: 11, systemd: 247 },
  bookworm: { debian: 12, systemd: 252 },
  trixie: { debian: 13, systemd: 257 },
} as const;

/** A release a lab host runs. */
export type LabRelease = keyof typeof LAB_RELEASES;

/** The release of a host when none is asked for. */
export const DEFAULT_RELEASE: LabRelease = 'bookworm';

function isLabRelease(name: string): name is LabRelease {
  return Object.hasOwn(LAB_RELEASES, name);
}

/** A `--release` value (`bullseye,bookworm,trixie`) as a list; a USAGE error names an unknown release. */
export function parseReleases(text: string): LabRelease[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !isLabRelease(name));
  if (unknown !== undefined) {
    throw new HfleetError('USAGE', `--release: unknown release "${unknown}"`, {
      hint: `one or more of ${Object.keys(LAB_RELEASES).join(', ')}, comma-separated`,
    });
  }
  return names as LabRelease[];
}

/** The release of host number n (1-based): the list taken round-robin. */
export function releaseOfHost(releases: readonly LabRelease[], index: number): LabRelease {
  return releases[(index - 1) % releases.length] ?? DEFAULT_RELEASE;
}
