// Builds HostFacts for planner tests: a host as hfleet would find it, described briefly.
import { emptyFacts } from '../../src/facts/parse.js';
import type { HostFacts } from '../../src/facts/types.js';

/** A unit's state in a facts fixture. */
export interface UnitState {
  active?: boolean;
  enabled?: boolean;
  startedAt?: number;
  needReload?: boolean;
  notFound?: boolean;
}

/** When every fixture host booted (seconds since the epoch); fixture times are later. */
export const BOOTED_AT = 100;

// A time as systemd's `...Monotonic` properties give it: microseconds since boot, 0 when unset.
export function sinceBoot(time: number | undefined): string {
  return time ? String(Math.round((time - BOOTED_AT) * 1e6)) : '0';
}

// HostFacts with these files (path -> content, written at `mtime`) and unit states.
export function factsFor(options: {
  files?: Record<string, string>;
  mtime?: number;
  units?: Record<string, UnitState>;
  users?: Record<string, boolean>;
  health?: Record<string, number>;
  dropins?: Record<string, { name: string; mtime: number }[]>;
}): HostFacts {
  const facts = emptyFacts();
  facts.bootedAt = BOOTED_AT;
  for (const [path, content] of Object.entries(options.files ?? {})) {
    facts.files.set(path, {
      exists: true,
      content,
      mtime: options.mtime ?? 1000,
      owner: 'root',
      group: 'root',
      mode: '644',
    });
  }
  for (const [unit, state] of Object.entries(options.units ?? {})) {
    facts.units.set(unit, {
      Id: unit,
      LoadState: state.notFound ? 'not-found' : 'loaded',
      ActiveState: state.active ? 'active' : 'inactive',
      UnitFileState: state.enabled ? 'enabled' : state.notFound ? '' : 'disabled',
      NeedDaemonReload: state.needReload ? 'yes' : 'no',
      ExecMainStartTimestampMonotonic: sinceBoot(state.startedAt),
      ActiveEnterTimestampMonotonic: sinceBoot(state.startedAt),
    });
  }
  for (const [user, exists] of Object.entries(options.users ?? {})) facts.users.set(user, exists);
  for (const [unit, code] of Object.entries(options.health ?? {}))
    facts.health.set(unit, code === 0 ? { kind: 'refused' } : { kind: 'http', code });
  for (const [dir, entries] of Object.entries(options.dropins ?? {})) facts.dropins.set(dir, entries);
  return facts;
}
