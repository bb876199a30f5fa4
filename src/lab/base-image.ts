// The shared read-only root filesystems lab hosts boot from, one per release: built once with debootstrap, then cached.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findAptMirror } from './apt-mirror.js';
import { assetsDir } from './layout.js';
import type { LabRelease } from './releases.js';
import { progress, runChecked } from './run.js';

/** The packages a lab host has on top of minbase (each release ships them all). */
export const BASE_PACKAGES = [
  'systemd',
  'systemd-sysv',
  'dbus',
  'openssh-server',
  'python3',
  'python3-uvicorn',
  'curl',
  'psmisc',
  'iproute2',
  'sudo',
];

/** The debootstrap command line for a release, target directory and mirror. */
export function debootstrapArgs(release: LabRelease, target: string, mirror: string): string[] {
  return [
    'debootstrap',
    '--variant=minbase',
    `--include=${BASE_PACKAGES.join(',')}`,
    release,
    target,
    mirror,
  ];
}

// Every file under a directory (relative paths, sorted).
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** A fingerprint of a release's recipe (release, packages, every asset's path, mode and bytes): a change rebuilds that base. */
export function recipeStamp(release: LabRelease, assets = assetsDir()): string {
  const hash = createHash('sha256').update(`v1 ${release} ${BASE_PACKAGES.join(',')}\n`);
  for (const rel of listFiles(assets)) {
    const file = path.join(assets, rel);
    hash.update(`${rel} ${statSync(file).mode & 0o111 ? 'x' : '-'}\n`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A release's base directory and its stamp file inside a cache directory. */
export function basePaths(cacheDir: string, release: LabRelease) {
  return {
    base: path.join(cacheDir, `base-${release}`),
    stamp: path.join(cacheDir, `base-${release}.stamp`),
  };
}

/** True when the cache holds a finished base of this release built from the current recipe. */
export async function baseIsCurrent(
  cacheDir: string,
  release: LabRelease,
  stamp = recipeStamp(release),
): Promise<boolean> {
  const paths = basePaths(cacheDir, release);
  if (!existsSync(path.join(paths.base, 'usr/local/sbin/hflab-init'))) return false;
  const written = await readFile(paths.stamp, 'utf8').catch(() => '');
  return written.trim() === stamp;
}

/** Build a release's base into a temporary directory, finish it, and only then rename it into place (a killed build leaves no half cache). */
export async function buildBaseImage(cacheDir: string, release: LabRelease): Promise<string> {
  const paths = basePaths(cacheDir, release);
  const stamp = recipeStamp(release);
  if (await baseIsCurrent(cacheDir, release, stamp)) return paths.base;
  await mkdir(cacheDir, { recursive: true });
  const leftovers = [`${path.basename(paths.base)}.tmp-`, `${path.basename(paths.base)}.old-`];
  for (const name of readdirSync(cacheDir)) {
    if (leftovers.some((prefix) => name.startsWith(prefix)))
      await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
  const temp = `${paths.base}.tmp-${process.pid}`;
  const old = `${paths.base}.old-${process.pid}`;
  const mirror = findAptMirror('/etc/apt', release);
  progress(`building the ${release} base image (debootstrap, a few minutes; cached in ${cacheDir})`);
  const started = Date.now();
  await runChecked(debootstrapArgs(release, temp, mirror), { timeoutMs: 20 * 60_000 });
  await finishBaseImage(temp);
  await rm(paths.stamp, { force: true });
  if (existsSync(paths.base)) await rename(paths.base, old);
  await rename(temp, paths.base);
  await writeFile(paths.stamp, `${stamp}\n`);
  await rm(old, { recursive: true, force: true });
  progress(`${release} base image ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return paths.base;
}

// Copy the host assets into a bootstrapped tree and run the setup script inside it.
async function finishBaseImage(root: string): Promise<void> {
  const assets = assetsDir();
  await runChecked(['cp', '-R', '--preserve=mode', `${path.join(assets, 'rootfs')}/.`, `${root}/`]);
  await runChecked(['cp', path.join(assets, 'setup-rootfs.sh'), path.join(root, 'tmp/hflab-setup.sh')]);
  await runChecked(['chroot', root, '/bin/sh', '/tmp/hflab-setup.sh'], {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C' },
  });
  await rm(path.join(root, 'tmp/hflab-setup.sh'), { force: true });
}
