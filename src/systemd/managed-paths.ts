// Where hfleet writes units and drop-ins, and the mode and owner every managed file has.

/** The directory of administrator units, where hfleet writes unit files and their `.d/` drop-in dirs. */
export const SYSTEMD_UNIT_DIR = '/etc/systemd/system';

/** The path of a unit file hfleet manages, e.g. `/etc/systemd/system/hub-cloud.service`. */
export function unitFilePath(unit: string): string {
  return `${SYSTEMD_UNIT_DIR}/${unit}`;
}

/** The drop-in directory of a unit, e.g. `/etc/systemd/system/hub-cloud.service.d`. */
export function dropinDirPath(unit: string): string {
  return `${SYSTEMD_UNIT_DIR}/${unit}.d`;
}

/** The unit a drop-in directory belongs to, or undefined when the directory is not one of hfleet's. */
export function unitOfDropinDir(dir: string): string | undefined {
  const prefix = `${SYSTEMD_UNIT_DIR}/`;
  return dir.startsWith(prefix) && dir.endsWith('.d') ? dir.slice(prefix.length, -2) : undefined;
}

/** Mode (as `stat -c %a` prints it) and owner of every file hfleet writes; anything else is drift. */
export const MANAGED_FILE = { mode: '644', owner: 'root', group: 'root' } as const;
