// The lab's state file: which hosts exist, their nspawn processes and addresses; and the public view of it.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabHostSpec } from './customers.js';
import { stateDir, stateFiles } from './layout.js';
import { DEFAULT_RELEASE, type LabRelease } from './releases.js';

/** One host as recorded in state.json. */
export interface RecordedHost extends LabHostSpec {
  /** The systemd-nspawn process running the host, when it was last started. */
  pid: number | undefined;
  /** The base image (its release's) the host's overlay lies on. */
  baseDir: string;
}

/** The whole of state.json. */
export interface RecordedState {
  version: 1;
  cacheDir: string;
  hosts: RecordedHost[];
}

// A state.json written before hosts had a release: one bookworm base for the whole lab.
interface EarlierState {
  baseDir?: string;
  hosts: (Omit<RecordedHost, 'release' | 'baseDir'> & Partial<RecordedHost>)[];
}

/** A running lab as tests and the demo see it. */
export interface LabState {
  stateDir: string;
  inventoryPath: string;
  keyPath: string;
  knownHostsPath: string;
  hosts: {
    name: string;
    customer: string;
    displayName: string;
    address: string;
    machine: string;
    release: LabRelease;
  }[];
}

/** The recorded state in a state directory, or undefined when there is none (or it is unreadable). */
export function readRecordedState(dir = stateDir()): RecordedState | undefined {
  const file = stateFiles(dir).stateJson;
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as RecordedState & EarlierState;
    if (parsed.version !== 1 || !Array.isArray(parsed.hosts)) return undefined;
    const hosts = parsed.hosts.map((host) => ({
      ...host,
      release: host.release ?? DEFAULT_RELEASE,
      baseDir: host.baseDir ?? parsed.baseDir ?? '',
    }));
    return { version: 1, cacheDir: parsed.cacheDir, hosts };
  } catch {
    return undefined;
  }
}

/** Write state.json atomically (temp file, then rename). */
export async function writeRecordedState(state: RecordedState, dir = stateDir()): Promise<void> {
  const file = stateFiles(dir).stateJson;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/** The public view of a recorded state. */
export function toLabState(recorded: RecordedState, dir = stateDir()): LabState {
  const files = stateFiles(dir);
  return {
    stateDir: dir,
    inventoryPath: files.inventory,
    keyPath: files.key,
    knownHostsPath: files.knownHosts,
    hosts: recorded.hosts.map(({ name, customer, displayName, address, machine, release }) => ({
      name,
      customer,
      displayName,
      address,
      machine,
      release,
    })),
  };
}

/** Find a recorded host by inventory name or machine name. */
export function findRecordedHost(state: RecordedState, name: string): RecordedHost | undefined {
  return state.hosts.find((host) => host.name === name || host.machine === name);
}
