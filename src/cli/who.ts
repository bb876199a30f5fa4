// Who is running hfleet, as written to a host's lock and audit log.
import os from 'node:os';

// `user@machine pid N hfleet COMMAND`, for lock holders and audit lines.
export function whoAmI(command: string): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {}
  return `${user}@${os.hostname()} pid ${process.pid} hfleet ${command} since ${new Date().toISOString()}`;
}
