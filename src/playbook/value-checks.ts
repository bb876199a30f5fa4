// Checks on values after placeholders are filled: what reaches a host must mean exactly what it says.
import path from 'node:path';
import { HfleetError } from '../errors.js';

function invalid(where: string, message: string): never {
  throw new HfleetError('PLAYBOOK_INVALID', `${where}: ${message}`);
}

/** A systemd unit name such as `hub-platform.service` or `dbt-run.timer`. */
export function checkUnitName(value: string, where: string): string {
  if (!/^[A-Za-z0-9:_.@-]+\.(service|timer|socket|target|path|mount)$/.test(value) || value.startsWith('-')) {
    invalid(where, `'${value}' is not a unit name (NAME.service, NAME.timer, ...)`);
  }
  return value;
}

/** A drop-in file name such as `local.conf`: no directories, ends in `.conf`. */
export function checkDropinName(value: string, where: string): string {
  if (!/^[A-Za-z0-9_@-][A-Za-z0-9_.@-]*\.conf$/.test(value))
    invalid(where, `'${value}' is not a drop-in file name (NAME.conf)`);
  return value;
}

/** An absolute, normalized path without `..`, whitespace or shell-special characters. */
export function checkAbsolutePath(value: string, where: string): string {
  if (
    !/^\/[A-Za-z0-9._/@+-]*$/.test(value) ||
    path.posix.normalize(value) !== value ||
    value.split('/').includes('..')
  ) {
    invalid(where, `'${value}' is not an absolute, normalized path`);
  }
  if (value.length > 1 && value.endsWith('/')) invalid(where, `'${value}' must not end with '/'`);
  return value;
}

/** A user or group name as useradd accepts it. */
export function checkUserName(value: string, where: string): string {
  if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(value)) invalid(where, `'${value}' is not a valid user name`);
  return value;
}
