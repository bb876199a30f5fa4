// Whether ssh reads an included config file or stops on it ("Bad owner or permissions"): OpenSSH refuses a file
// another user (other than root) owns or anyone else can write, since such a file could redirect connections or
// run commands (ProxyCommand). Debian's ssh also takes a group-writable file whose group holds only its owner.

/** The owner, group and mode of a file (as stat gives them). */
export interface FileOwnership {
  uid: number;
  gid: number;
  mode: number;
}

// True when the file's group has exactly its owner as member (primary members in passwd, listed ones in group).
function ownerOnlyGroup(file: FileOwnership, callerUid: number, passwd: string, group: string): boolean {
  let members = 0;
  let ownerName: string | undefined;
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (Number(uid) === file.uid && uid !== undefined && uid !== '') ownerName = name;
    if (gid === undefined || gid === '' || Number(gid) !== file.gid) continue;
    members++;
    if (Number(uid) !== callerUid) return false;
  }
  const entry = group.split('\n').find((line) => line.split(':')[2] === String(file.gid));
  if (entry === undefined) return false;
  const listed = (entry.split(':')[3] ?? '').split(',').filter((name) => name !== '');
  if (listed.length > 0) {
    members++;
    if (listed.length > 1 || listed[0] !== ownerName) return false;
  }
  return members > 0;
}

/** True when ssh (Debian's 9.2) reads the file; false when it stops with "Bad owner or permissions". */
export function sshReadsConfigFile(
  file: FileOwnership,
  callerUid: number,
  passwd: string,
  group: string,
): boolean {
  if (file.uid !== 0 && file.uid !== callerUid) return false;
  if ((file.mode & 0o002) !== 0) return false;
  if ((file.mode & 0o020) !== 0) return ownerOnlyGroup(file, callerUid, passwd, group);
  return true;
}
