// The "old or new, never a mix" check: every managed file on a host matches one of the renderings it may be at.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDirForFile } from '../../support/scratch-dir.js';
import { hfleet, onHost } from '../support/fleet.js';

/** A rendering of an inventory (and playbook): `DIR/HOST/etc/...` as `hfleet render` writes it. */
export type Rendering = string;

// Render an inventory with `hfleet render` (no SSH) into a fresh directory.
export function renderFleet(inventory: string, playbook?: string): Rendering {
  const out = scratchDirForFile('hfleet-e2e-render-');
  const args = ['render', inventory, '--out', out, ...(playbook ? ['--playbook', playbook] : [])];
  const run = hfleet(args);
  if (run.code !== 0) throw new Error(`render failed: ${run.stderr}`);
  return out;
}

// A copy of a rendering with these files added to every host (`hfleet render` has no --playbook).
export function withFiles(render: Rendering, files: Record<string, string>): Rendering {
  const out = scratchDirForFile('hfleet-e2e-render-');
  cpSync(render, out, { recursive: true });
  for (const host of readdirSync(out)) {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(out, host, file)), { recursive: true });
      writeFileSync(path.join(out, host, file), content);
    }
  }
  return out;
}

// Every file below `root`, as absolute paths on the host (`/etc/...`).
export function filesUnder(root: string, relative = ''): string[] {
  const here = path.join(root, relative);
  let names: string[];
  try {
    names = readdirSync(here);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const child = path.join(relative, name);
    return statSync(path.join(root, child)).isDirectory() ? filesUnder(root, child) : [`/${child}`];
  });
}

/** Files on a host that are neither at an allowed rendering nor absent where allowed; empty = whole. */
export interface WholeReport {
  checked: number;
  broken: string[];
}

// Compare every managed file of a host with the renderings; also no temp files and every unit loadable.
export async function checkWholeFiles(host: string, renderings: Rendering[]): Promise<WholeReport> {
  const paths = [...new Set(renderings.flatMap((dir) => filesUnder(path.join(dir, host))))].sort();
  const broken: string[] = [];
  for (const file of paths) {
    const allowed = renderings.map((dir) => {
      try {
        return readFileSync(path.join(dir, host, file), 'utf8');
      } catch {
        return null;
      }
    });
    const probe = await onHost(
      host,
      `if [ -f '${file}' ]; then printf 1; base64 -w0 '${file}'; else printf 0; fi`,
    );
    const actual = probe.startsWith('1') ? Buffer.from(probe.slice(1), 'base64').toString('utf8') : null;
    if (!allowed.includes(actual))
      broken.push(`${file}: ${actual === null ? 'missing' : actual === '' ? 'empty' : 'mixed'}`);
    const unit = /^\/etc\/systemd\/system\/([^/]+\.(service|timer))$/.exec(file)?.[1];
    if (unit && actual !== null) {
      const load = (await onHost(host, `systemctl show -p LoadState --value ${unit}`)).trim();
      if (load !== 'loaded') broken.push(`${file}: LoadState=${load}`);
    }
  }
  const temps = (
    await onHost(host, 'find /etc/systemd/system /etc/honeyframe -name ".hfleet.*" 2>/dev/null')
  ).trim();
  if (temps !== '') broken.push(`temp files left: ${temps.replaceAll('\n', ' ')}`);
  return { checked: paths.length, broken };
}
