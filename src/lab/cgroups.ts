// One cgroup per lab host in every mounted hierarchy (so hosts never share a subtree), and their removal.
import { existsSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CGROUP_PARENT } from './layout.js';

/** The mount points of every cgroup (v1) and cgroup2 hierarchy, from /proc/mounts text. */
export function cgroupMountPoints(procMounts: string): string[] {
  const points: string[] = [];
  for (const line of procMounts.split('\n')) {
    const [, mountPoint, type] = line.split(' ');
    if (mountPoint && (type === 'cgroup' || type === 'cgroup2'))
      points.push(mountPoint.replace(/\\040/g, ' '));
  }
  return points;
}

/** The hierarchies mounted on this machine. */
export function mountedHierarchies(): string[] {
  return cgroupMountPoints(readFileSync('/proc/mounts', 'utf8'));
}

/** The cgroup directory of a host in each hierarchy. */
export function hostCgroupDirs(machine: string, hierarchies = mountedHierarchies()): string[] {
  return hierarchies.map((root) => path.join(root, CGROUP_PARENT, machine));
}

// Copy cpuset.cpus/mems from the parent when empty (a v1 cpuset cgroup takes no process without them).
async function inheritCpuset(dir: string): Promise<void> {
  for (const file of ['cpuset.cpus', 'cpuset.mems']) {
    const own = path.join(dir, file);
    if (!existsSync(own) || (await readFile(own, 'utf8')).trim() !== '') continue;
    await writeFile(own, (await readFile(path.join(path.dirname(dir), file), 'utf8')).trim());
  }
}

/** Create the host's cgroup in every hierarchy; resolves to the `cgroup.procs` files to join. */
export async function createHostCgroups(machine: string): Promise<string[]> {
  const procsFiles: string[] = [];
  for (const dir of hostCgroupDirs(machine)) {
    await mkdir(dir, { recursive: true });
    await inheritCpuset(path.dirname(dir));
    await inheritCpuset(dir);
    procsFiles.push(path.join(dir, 'cgroup.procs'));
  }
  return procsFiles;
}

/** Every process id in a cgroup directory and its descendants. */
export function cgroupPids(dir: string): number[] {
  if (!existsSync(dir)) return [];
  const pids: number[] = [];
  const procs = path.join(dir, 'cgroup.procs');
  if (existsSync(procs)) {
    for (const line of readFileSync(procs, 'utf8').split('\n')) if (line.trim()) pids.push(Number(line));
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pids.push(...cgroupPids(path.join(dir, entry.name)));
  }
  return pids;
}

/** Remove a cgroup tree bottom-up (cgroups go with rmdir only); returns the directories that would not go. */
export function removeCgroupTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const stuck: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) stuck.push(...removeCgroupTree(path.join(dir, entry.name)));
  }
  try {
    rmdirSync(dir);
  } catch {
    stuck.push(dir);
  }
  return stuck;
}

/** The lab's parent cgroup directories (one per hierarchy) that exist now. */
export function labCgroupParents(hierarchies = mountedHierarchies()): string[] {
  return hierarchies.map((root) => path.join(root, CGROUP_PARENT)).filter((dir) => existsSync(dir));
}
