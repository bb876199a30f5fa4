// fs.inotify.max_user_instances: raised while the lab runs (many systemds need many instances), restored after.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';

const SYSCTL_FILE = '/proc/sys/fs/inotify/max_user_instances';
/** The value the lab needs for about 50 hosts and more. */
export const LAB_INOTIFY_INSTANCES = 8192;

/** Raise the limit, remembering the original value in the backup file (once, so a second `up` keeps the first). */
export async function raiseInotifyLimit(backupFile: string): Promise<void> {
  const current = Number((await readFile(SYSCTL_FILE, 'utf8')).trim());
  if (!existsSync(backupFile))
    await writeFile(backupFile, `${JSON.stringify({ max_user_instances: current })}\n`);
  if (current < LAB_INOTIFY_INSTANCES) await writeFile(SYSCTL_FILE, `${LAB_INOTIFY_INSTANCES}\n`);
}

/** Put the remembered value back and forget it; nothing to do without a backup. */
export async function restoreInotifyLimit(backupFile: string): Promise<void> {
  if (!existsSync(backupFile)) return;
  const saved = JSON.parse(await readFile(backupFile, 'utf8')) as { max_user_instances?: number };
  if (typeof saved.max_user_instances === 'number' && saved.max_user_instances > 0) {
    await writeFile(SYSCTL_FILE, `${saved.max_user_instances}\n`);
  }
  await rm(backupFile, { force: true });
}
