// What hfleet knows about a host after its one facts round trip.
import type { ProbeOutcome } from '../health/probe.js';
import type { Recovery } from '../remote/commit-script.js';

/** What to gather from a host: derived from the resolved tasks, so nothing unneeded is read. */
export interface FactRequest {
  /** Managed files: their content, mtime, owner and mode. */
  files: string[];
  /** Drop-in directories (`NAME.d`) to list, with each file's mtime. */
  dropinDirs: string[];
  users: string[];
  /** Paths whose recursive ownership must be checked. */
  ownership: { path: string; owner: string; group: string }[];
  /** Units to `systemctl show`. */
  units: string[];
  /** HTTP health endpoints on the host's localhost. */
  health: { unit: string; port: number; path: string }[];
  /** Paths whose existence matters (a command's `creates`). */
  exists: string[];
}

/** One file on the host. */
export interface FileFact {
  exists: boolean;
  /** UTF-8 content (managed files are small text files). */
  content: string | undefined;
  /** Modification time, seconds since the epoch. */
  mtime: number | undefined;
  owner: string | undefined;
  group: string | undefined;
  /** Octal permission bits, e.g. `644`. */
  mode: string | undefined;
  /** Where the path points when it is a symbolic link (content and `exists` are then its target's). */
  symlinkTo?: string;
  /** The stat signature the content was read with (a regular file read with one stat for all; see facts/script.ts). */
  signature?: string;
}

/** One entry of a drop-in directory. */
export interface DropinEntry {
  name: string;
  mtime: number;
}

/** Ownership of a tree: whether it exists and the first path not owned as wanted (or null). */
export interface OwnershipFact {
  exists: boolean;
  firstForeign: string | null;
}

/** `systemctl show` properties of one unit, by name. */
export type UnitProperties = Readonly<Record<string, string>>;

/** The per-host lock taken in the facts round trip. */
export type LockFact = { acquired: true } | { acquired: false; holder: string };

/** Everything gathered from one host in its facts round trip. */
export interface HostFacts {
  files: Map<string, FileFact>;
  dropins: Map<string, DropinEntry[]>;
  users: Map<string, boolean>;
  ownership: Map<string, OwnershipFact>;
  units: Map<string, UnitProperties>;
  /** What each unit's endpoint probe gave (an HTTP status, or why there was none). */
  health: Map<string, ProbeOutcome>;
  exists: Map<string, boolean>;
  /** The host's clock (seconds since the epoch) when the facts were read. */
  now: number | undefined;
  /** When the host booted (seconds since the epoch), from its clock and uptime: the origin of `...Monotonic` times. */
  bootedAt: number | undefined;
  lock: LockFact | undefined;
  /** What this run did about an earlier run that was cut short mid-commit, if it found one. */
  recovery: Recovery | undefined;
}

/** The host's clock as the facts read it: what turns systemd's since-boot times into ages. */
export type HostClock = Pick<HostFacts, 'now' | 'bootedAt'>;

/** A file's content as last read, with the stat signature it had (see `hf_files`). */
export interface KnownFile {
  signature: string;
  content: string;
}

/** Known files by path: what a reader that keeps state between reads (serve) already holds. */
export type KnownFiles = ReadonlyMap<string, KnownFile>;
