// Read a known_hosts file and append to it atomically (temp file + rename), one writer at a time per file.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type KnownHostsEntry, parseKnownHosts } from './known-hosts-parse.js';

const writeQueues = new Map<string, Promise<unknown>>();

/** The text of a known_hosts file; a missing file reads as empty. */
export async function readKnownHostsText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** The parsed entries of a known_hosts file; a missing file has none. */
export async function readKnownHosts(path: string): Promise<KnownHostsEntry[]> {
  return parseKnownHosts(await readKnownHostsText(path));
}

/** Run `task` after every earlier task queued for the same file (appends from parallel connects). */
export function serializedForFile<T>(path: string, task: () => Promise<T>): Promise<T> {
  const previous = writeQueues.get(path) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  writeQueues.set(path, settled);
  void settled.then(() => {
    if (writeQueues.get(path) === settled) writeQueues.delete(path);
  });
  return next;
}

/** Append one line to a known_hosts file: directory 0700 and file 0600 when created, old mode kept. */
export async function appendKnownHostsLine(path: string, line: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const current = await readKnownHostsText(path);
  const mode = await existingMode(path);
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${current}${separator}${line}\n`, { mode: mode ?? 0o600, flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}
