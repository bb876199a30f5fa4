// `lab up`: make sure a lab of at least N hosts runs, booting only the hosts that are missing.

import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { HfleetError } from '../errors.js';
import { baseIsCurrent, buildBaseImage } from './base-image.js';
import { startHosts, waitForHostsSsh } from './boot-hosts.js';
import { type LabHostSpec, labHostSpecs } from './customers.js';
import { ensureBridge } from './host-network.js';
import { raiseInotifyLimit } from './inotify-limit.js';
import { labInventoryYaml } from './inventory-file.js';
import { ensureKeyPair, knownHostsText } from './keys.js';
import { DEFAULT_CACHE_DIR, hostPaths, MAX_HOSTS, stateDir, stateFiles } from './layout.js';
import { assertLabPlatform, ensureControllerPackages } from './prerequisites.js';
import { isNspawnOf } from './processes.js';
import type { LabRelease } from './releases.js';
import { progress } from './run.js';
import {
  type LabState,
  type RecordedHost,
  type RecordedState,
  readRecordedState,
  toLabState,
  writeRecordedState,
} from './state.js';

/** Hosts booted at once: booting is CPU-bound, and waves of this size finish sooner than one big stampede. */
export const BOOT_WAVE = 20;

/** What `lab up` is asked for. */
export interface LabUpOptions {
  hosts: number;
  /** The hosts' releases, round-robin (default: bookworm alone). */
  releases?: readonly LabRelease[];
  cacheDir?: string;
}

/** What `lab up` did. */
export interface LabUpResult {
  state: LabState;
  booted: string[];
  reused: string[];
  seconds: number;
}

/** Check the host count asked for. */
export function validateHostCount(hosts: number): void {
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > MAX_HOSTS) {
    throw new HfleetError('USAGE', `a lab has 1 to ${MAX_HOSTS} hosts, not ${hosts}`);
  }
}

/** Bring the lab up to at least `hosts` hosts (running ones are reused, more than asked are kept). */
export async function labUp(options: LabUpOptions): Promise<LabUpResult> {
  validateHostCount(options.hosts);
  assertLabPlatform();
  const started = Date.now();
  const dir = stateDir();
  const files = stateFiles(dir);
  const previous = readRecordedState(dir);
  const running = (previous?.hosts ?? []).filter((host) => isNspawnOf(host.pid, host.machine));
  const cacheDir = options.cacheDir ?? previous?.cacheDir ?? DEFAULT_CACHE_DIR;
  const wanted = labHostSpecs(Math.max(options.hosts, previous?.hosts.length ?? 0), options.releases);
  assertSameReleases(running, wanted);
  await ensureControllerPackages();
  const runningMachines = new Set(running.map((host) => host.machine));
  const missing = await withBaseImages(
    wanted.filter((spec) => !runningMachines.has(spec.machine)),
    cacheDir,
  );
  for (const release of new Set(running.map((host) => host.release))) {
    if (!(await baseIsCurrent(cacheDir, release))) {
      progress(
        `the ${release} host assets changed since this lab was built; \`lab down\` then \`lab up\` to use them`,
      );
    }
  }
  const clientKey = await ensureKeyPair(files.key, 'hfleet-lab');
  await raiseInotifyLimit(files.sysctlBackup);
  await ensureBridge();
  if (running.length > 0) progress(`${running.length} host(s) already up; booting ${missing.length} more`);
  else progress(`booting ${missing.length} host(s)`);
  const booted: RecordedHost[] = [];
  let recorded: RecordedState = { version: 1, cacheDir, hosts: running };
  for (let i = 0; i < missing.length; i += BOOT_WAVE) {
    const wave = await startHosts(missing.slice(i, i + BOOT_WAVE), clientKey, dir);
    booted.push(...wave);
    const hosts = wanted.flatMap((spec) =>
      [...booted, ...running].filter((host) => host.machine === spec.machine),
    );
    recorded = { ...recorded, hosts };
    await writeRecordedState(recorded, dir);
    await writePublishedFiles(recorded, dir);
    await waitForHostsSsh(wave, dir);
  }
  const seconds = (Date.now() - started) / 1000;
  progress(`${recorded.hosts.length} host(s) up in ${seconds.toFixed(1)} s; inventory: ${files.inventory}`);
  return {
    state: toLabState(recorded, dir),
    booted: booted.map((h) => h.name),
    reused: running.map((h) => h.name),
    seconds,
  };
}

// A running host keeps its release: asking for another one is refused before anything changes.
function assertSameReleases(running: readonly RecordedHost[], wanted: readonly LabHostSpec[]): void {
  for (const host of running) {
    const release = wanted.find((spec) => spec.machine === host.machine)?.release;
    if (release && release !== host.release) {
      throw new HfleetError('USAGE', `lab host ${host.name} runs ${host.release}, not ${release}`, {
        hint: '`hfleet lab down` first to boot the lab with other releases',
      });
    }
  }
}

// The specs with their release's base image, each release built (or found in the cache) once.
async function withBaseImages(
  specs: readonly LabHostSpec[],
  cacheDir: string,
): Promise<(LabHostSpec & { baseDir: string })[]> {
  const bases = new Map<LabRelease, string>();
  for (const release of new Set(specs.map((spec) => spec.release))) {
    bases.set(release, await buildBaseImage(cacheDir, release));
  }
  return specs.map((spec) => ({ ...spec, baseDir: bases.get(spec.release)! }));
}

/** Write known_hosts (pinned host keys) and the ready-to-use inventory. */
export async function writePublishedFiles(recorded: RecordedState, dir = stateDir()): Promise<void> {
  const files = stateFiles(dir);
  const entries = recorded.hosts.map((host) => ({
    address: host.address,
    publicKey: readFileSync(`${hostPaths(dir, host.machine).hostKey}.pub`, 'utf8'),
  }));
  await writeFile(files.knownHosts, knownHostsText(entries));
  await writeFile(
    files.inventory,
    labInventoryYaml(recorded.hosts, { keyPath: files.key, knownHostsPath: files.knownHosts }),
  );
}
