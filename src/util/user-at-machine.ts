// `user@machine` for this process, as locks, audit lines and the history name who ran something.
import os from 'node:os';

/** The local user name (or `unknown`) and this machine's host name. */
export function userAtMachine(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {}
  return `${user}@${os.hostname()}`;
}
