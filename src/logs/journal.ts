// `hfleet logs` without I/O: the unit name, the journalctl command, and host-prefixed line splitting.
import { HfleetError } from '../errors.js';
import { shellCommand } from '../util/shell-quote.js';

const UNIT_NAME = /^[A-Za-z0-9:_.\\@-]+$/;
const UNIT_SUFFIX = /\.(service|timer|socket|target|path|mount)$/;

/** The unit a SERVICE argument names: `hub-platform` means `hub-platform.service`; anything odd is a USAGE error. */
export function logsUnit(service: string): string {
  if (!UNIT_NAME.test(service) || service.startsWith('-')) {
    throw new HfleetError('USAGE', `logs: '${service}' is not a unit name`, {
      hint: 'e.g. hfleet logs hub-platform or hfleet logs dbt-run.timer',
    });
  }
  return UNIT_SUFFIX.test(service) ? service : `${service}.service`;
}

/**
 * The journalctl argv for the last `lines` lines of a unit; a follow ends when the channel's stdin closes.
 * `-q` keeps out what is not a journal line (systemd 247's `-- Journal begins at ... --`, `-- No entries --`).
 */
export function journalArgv(unit: string, lines: number, follow: boolean): string[] {
  if (!Number.isInteger(lines) || lines < 0) {
    throw new HfleetError('USAGE', `logs: -n must be a whole number >= 0 (got ${lines})`);
  }
  const journal = ['journalctl', '-q', '-u', unit, '-n', String(lines), '--no-pager', '-o', 'short-iso'];
  if (!follow) return journal;
  // No pty: the remote journalctl would outlive the connection; stdin's end stops it instead.
  const wrapped = `${shellCommand([...journal, '-f'])} & hf_pid=$!; cat >/dev/null; kill "$hf_pid" 2>/dev/null`;
  return ['sh', '-c', wrapped];
}

/** Splits a byte stream into whole lines, each prefixed; `flush` returns what is left without a newline. */
export class LinePrefixer {
  private partial = '';

  constructor(private readonly prefix: string) {}

  /** The complete lines in this chunk (and any partial line before it), prefixed, each ending in a newline. */
  push(chunk: string): string {
    const text = this.partial + chunk;
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.partial = text;
      return '';
    }
    this.partial = text.slice(end + 1);
    return text
      .slice(0, end)
      .split('\n')
      .map((line) => `${this.prefix}${line}\n`)
      .join('');
  }

  /** The last unterminated line, prefixed (or '' when none). */
  flush(): string {
    const rest = this.partial;
    this.partial = '';
    return rest === '' ? '' : `${this.prefix}${rest}\n`;
  }
}
