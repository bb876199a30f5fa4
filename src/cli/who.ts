// Who is running hfleet, as written to a host's lock and audit log.
import { userAtMachine } from '../util/user-at-machine.js';

/** `user@machine pid N hfleet COMMAND`, for lock holders and audit lines. */
export function whoAmI(command: string): string {
  return `${userAtMachine()} pid ${process.pid} hfleet ${command} since ${new Date().toISOString()}`;
}
