// Read `systemd --dump-configuration-items` into section -> key -> value kind, from this machine's systemd or
// from the systemd inside a root directory (a lab base image, run with chroot).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The systemd binary inside `root` ('/' for this machine). */
export function systemdBinary(root = '/') {
  const found = ['lib/systemd/systemd', 'usr/lib/systemd/systemd'].find((candidate) =>
    existsSync(path.join(root, candidate)),
  );
  if (!found) throw new Error(`no systemd binary under ${root}`);
  return `/${found}`;
}

/** Run that systemd with `args` (inside `root` through chroot unless root is '/'); its stdout. */
function runSystemd(root, args) {
  const binary = systemdBinary(root);
  return root === '/'
    ? execFileSync(binary, args, { encoding: 'utf8' })
    : execFileSync('chroot', [root, binary, ...args], { encoding: 'utf8' });
}

/** The major version of the systemd inside `root`. */
export function systemdVersion(root = '/') {
  return Number.parseInt(runSystemd(root, ['--version']).split(/\s+/)[1], 10);
}

/** Parse a dump: Map of section name -> Map of key -> value kind, in systemd's order. */
export function parseItems(dump) {
  const sections = new Map();
  let current;
  for (const line of dump.split('\n')) {
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1], current);
    } else if (current && line.includes('=')) {
      const at = line.indexOf('=');
      current.set(line.slice(0, at), line.slice(at + 1));
    }
  }
  return sections;
}

/** The configuration items of the systemd inside `root`. */
export function dumpItems(root = '/') {
  return parseItems(runSystemd(root, ['--dump-configuration-items']));
}

/** Key -> the sections (in systemd's order) where `newer` knows it and `older` does not. */
export function addedKeys(older, newer) {
  const added = new Map();
  for (const [section, keys] of newer) {
    for (const key of keys.keys()) {
      if (older.get(section)?.has(key)) continue;
      if (!added.has(key)) added.set(key, []);
      added.get(key).push(section);
    }
  }
  return added;
}
