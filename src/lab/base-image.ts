// The shared read-only root filesystem every lab host boots from: built once with debootstrap, then cached.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findAptMirror } from './apt-mirror.js';
import { assetsDir } from './layout.js';
import { progress, runChecked } from './run.js';

/** The Debian release lab hosts run. */
export const SUITE = 'bookworm';
/** The packages a lab host has on top of minbase. */
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

/** The debootstrap command line for a target directory and mirror. */
export function debootstrapArgs(target: string, mirror: string): string[] {
  return ['debootstrap', '--variant=minbase', `--include=${BASE_PACKAGES.join(',')}`, SUITE, target, mirror];
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

/** A fingerprint of the recipe (packages, suite, every asset's path, mode and bytes): a change rebuilds the base. */
export function recipeStamp(assets = assetsDir()): string {
  const hash = createHash('sha256').update(`v1 ${SUITE} ${BASE_PACKAGES.join(',')}\n`);
  for (const rel of listFiles(assets)) {
    const file = path.join(assets, rel);
    hash.update(`${rel} ${statSync(file).mode & 0o111 ? 'x' : '-'}\n`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The base directory and its stamp file inside a cache directory. */
export function basePaths(cacheDir: string) {
  return { base: path.join(cacheDir, 'base'), stamp: path.join(cacheDir, 'base.stamp') };
}

/** True when the cache holds a finished base built from the current recipe. */
export async function baseIsCurrent(cacheDir: string, stamp = recipeStamp()): Promise<boolean> {
  const paths = basePaths(cacheDir);
  if (!existsSync(path.join(paths.base, 'usr/local/sbin/hflab-init'))) return false;
  const written = await readFile(paths.stamp, 'utf8').catch(() => '');
  return written.trim() === stamp;
}

/** Build the base into a temporary directory, finish it, and only then rename it into place (a killed build leaves no half cache). */
export async function buildBaseImage(cacheDir: string): Promise<string> {
  const paths = basePaths(cacheDir);
  const stamp = recipeStamp();
  if (await baseIsCurrent(cacheDir, stamp)) return paths.base;
  await mkdir(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith('base.tmp-') || name.startsWith('base.old-'))
      await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
  const temp = path.join(cacheDir, `base.tmp-${process.pid}`);
  const mirror = findAptMirror('/etc/apt', SUITE);
  progress(`building the base image (debootstrap ${SUITE}, about a minute; cached in ${cacheDir})`);
  const started = Date.now();
  await runChecked(debootstrapArgs(temp, mirror), { timeoutMs: 20 * 60_000 });
  await finishBaseImage(temp);
  await rm(paths.stamp, { force: true });
  if (existsSync(paths.base)) await rename(paths.base, path.join(cacheDir, `base.old-${process.pid}`));
  await rename(temp, paths.base);
  await writeFile(paths.stamp, `${stamp}\n`);
  await rm(path.join(cacheDir, `base.old-${process.pid}`), { recursive: true, force: true });
  progress(`base image ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
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
