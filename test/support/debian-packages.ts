// Debian packages a test needs (an oracle such as ansible-core, promtool or chromium), installed when missing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** What `ensureDebianPackages` found: ready, or why the packages cannot be had here. */
export type PackagesOutcome = { ok: true } | { ok: false; reason: string };

/** True when dpkg lists the package as installed. */
export async function isDebianPackageInstalled(name: string): Promise<boolean> {
  try {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
    const { stdout } = await execFileAsync('dpkg-query', ['-W', '-f=${Status}', name]);
    return stdout.includes('install ok installed');
  } catch {
    return false;
  }
}

/**
 * Install the missing ones of `names` with apt-get (root only; one apt run at a time across test files,
 * waiting for dpkg's lock). Resolves with the reason instead of throwing, so a test can skip with it.
 */
export async function ensureDebianPackages(names: readonly string[]): Promise<PackagesOutcome> {
  const missing: string[] = [];
  for (const name of names) if (!(await isDebianPackageInstalled(name))) missing.push(name);
  if (missing.length === 0) return { ok: true };
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return { ok: false, reason: `${missing.join(', ')} not installed, and installing needs root on Linux` };
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lockOption = ['-o', 'DPkg::Lock::Timeout=600'];
  try {
    await execFileAsync('flock', ['/tmp/hfleet-test-apt.lock', 'apt-get', ...lockOption, 'update', '-q'], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    await execFileAsync(
      'flock',
      [
        '/tmp/hfleet-test-apt.lock',
        'apt-get',
        ...lockOption,
        'install',
        '-y',
        '-q',
        '--no-install-recommends',
        ...missing,
      ],
      { env, maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    const last = stderr.trim().split('\n').at(-1) ?? 'apt-get failed';
    return { ok: false, reason: `apt-get install ${missing.join(' ')} failed: ${last}` };
  }
  return { ok: true };
}
