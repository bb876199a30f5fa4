// The facts command: one shell script that gathers everything a plan needs, printed as tagged lines.
import { probeCommand } from '../health/probe.js';
import { COMMIT_FUNCTIONS, commitVariables, HOST_PATHS } from '../remote/commit-script.js';
import { printTagged, TAG } from '../remote/protocol.js';
import { quoteArg } from '../util/shell-quote.js';
import { SHOW_PROPERTIES } from './show-properties.js';
import type { FactRequest, KnownFiles } from './types.js';

/** How the facts script treats the per-host lock. */
export interface LockRequest {
  /** Seconds to wait for a held lock; 0 fails at once. */
  waitSec: number;
  /** Who holds it, written next to the lock for a second run to report. */
  holder: string;
}

/** Where the per-host lock lives; the lock is an flock held by the run's remote shell for its lifetime. */
export const LOCK_FILE = '/run/lock/hfleet.lock';

// Shell functions the facts script uses; each prints lines of the wire protocol (remote/protocol.ts).
const PRELUDE = String.raw`hf_b64() { base64 -w0; }
hf_nl='
'
hf_file() {
  if [ -f "$1" ]; then
    printf '${TAG.file}\t%s\t1\t%s\t' "$1" "$(stat --printf '%Y\t%U\t%G\t%a' "$1")"
    base64 -w0 < "$1"; printf '\n'
  else ${printTagged(TAG.file, '"$1"', '0')}; fi
  [ ! -L "$1" ] || ${printTagged(TAG.symlink, '"$1"', '"$(readlink -- "$1" | hf_b64)"')}
}
# hf_files PATH...: hf_file for each, with one stat for all; a regular file's content is sent only when its
# signature (device, inode, size, mtime, ctime) differs from the one at the same place in $hf_sigs (a space
# separated list, '-' where unknown); otherwise an unchanged-file line says so.
hf_files() {
  hf_stats=$(stat --printf '%n\t%Y\t%U\t%G\t%a\t%d:%i:%s:%.9Y:%.9Z\n' -- "$@" 2>/dev/null)
  for hf_f; do
    hf_sig=${'$'}{hf_sigs%% *}; hf_sigs=${'$'}{hf_sigs#* }
    hf_line=${'$'}{hf_stats%%"$hf_nl"*}
    case $hf_line in
      "$hf_f$hf_tab"*) hf_stats=${'$'}{hf_stats#*"$hf_nl"}; hf_line=${'$'}{hf_line#"$hf_f$hf_tab"};;
      *) hf_line=;;
    esac
    if [ -L "$hf_f" ] || { [ -z "$hf_line" ] && [ -f "$hf_f" ]; }; then hf_file "$hf_f"
    elif [ -z "$hf_line" ] || [ ! -f "$hf_f" ]; then ${printTagged(TAG.file, '"$hf_f"', '0')}
    elif [ "${'$'}{hf_line##*"$hf_tab"}" = "$hf_sig" ]; then
      ${printTagged(TAG.fileUnchanged, '"$hf_f"', '1', '"$hf_line"')}
    else
      printf '${TAG.file}\t%s\t1\t%s\t' "$hf_f" "${'$'}{hf_line%"$hf_tab"*}"
      base64 -w0 < "$hf_f"; printf '\t%s\n' "${'$'}{hf_line##*"$hf_tab"}"
    fi
  done
}
hf_dropins() {
  for hf_d; do ${printTagged(TAG.dropinDir, '"$hf_d"')}; done
  hf_n=$#
  for hf_d; do set -- "$@" "$hf_d"/*; done
  shift "$hf_n"
  hf_list=$(stat -L --printf '%F\t%Y\t%n\n' -- "$@" 2>/dev/null)
  while IFS="$hf_tab" read -r hf_type hf_mtime hf_name; do
    hf_dir=${'$'}{hf_name%/*}
    [ "$hf_type" = 'regular file' ] || [ "$hf_type" = 'regular empty file' ] && ${printTagged(TAG.dropinEntry, '"$hf_dir"', '"$hf_mtime"', '"$hf_name"')}
  done <<hf_end
$hf_list
hf_end
}
hf_user() { if getent passwd "$1" >/dev/null; then ${printTagged(TAG.user, '"$1"', '1')}; else ${printTagged(TAG.user, '"$1"', '0')}; fi; }
hf_owned() {
  if [ -e "$1" ]; then
    foreign=$( { find "$1" -xdev \( ! -user "$2" -o ! -group "$3" \) -print -quit 2>/dev/null || echo "$1"; } | base64 -w0)
    ${printTagged(TAG.ownership, '"$1"', '1', '"$foreign"')}
  else ${printTagged(TAG.ownership, '"$1"', '0', "''")}; fi
}
hf_exists() { if [ -e "$1" ]; then ${printTagged(TAG.exists, '"$1"', '1')}; else ${printTagged(TAG.exists, '"$1"', '0')}; fi; }
`;

// The holder line of the .info file, plus a note when the run that took the lock cannot end by itself: its remote
// shell (or the detached part it started) is stopped (SIGSTOP); the shell was orphaned (parent pid 1) and only
// finishes what it is running; or the shell is gone and a process it started holds the lock.
const LOCK_HOLDER = `hf_lock_holder() {
  hf_holder=$(sed -n 1p ${LOCK_FILE}.info 2>/dev/null); hf_pid=$(sed -n 2p ${LOCK_FILE}.info 2>/dev/null)
  printf '%s' "${'$'}{hf_holder:-holder unknown}"
  case $hf_pid in ''|*[!0-9]*) return 0;; esac
  if [ ! -d "/proc/$hf_pid" ]; then printf '; stale: its remote shell (pid %s) is gone, a process it started holds the lock' "$hf_pid"; return 0; fi
  for hf_p in "$hf_pid" $(ps -o pid= --ppid "$hf_pid" 2>/dev/null); do
    if [ "$(sed -n 's/^State:[[:space:]]*\\(.\\).*/\\1/p' "/proc/$hf_p/status" 2>/dev/null)" = T ]; then
      printf '; stuck: its remote shell (pid %s) is stopped (SIGSTOP) and holds the lock until resumed or killed' "$hf_p"; return 0
    fi
  done
  if [ "$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$hf_pid/status")" = 1 ]; then
    hf_leaf=$hf_pid
    while hf_next=$(ps -o pid=,stat= --ppid "$hf_leaf" 2>/dev/null | sed -n '/^ *[0-9]* *Z/d; s/^ *\\([0-9]*\\).*/\\1/p' | head -n 1) && [ -n "$hf_next" ]; do hf_leaf=$hf_next; done
    hf_cmd=; [ "$hf_leaf" = "$hf_pid" ] || hf_cmd=$(ps -o args= -p "$hf_leaf" 2>/dev/null)
    if [ -n "$hf_cmd" ]; then printf '; stale: its client is gone; remote shell pid %s finishes its run alone, now at "%s"' "$hf_pid" "$hf_cmd"
    else printf '; stale: its client is gone; remote shell pid %s finishes its run alone' "$hf_pid"; fi
  fi
}
`;

// The host's clock and its uptime, for turning systemd's since-boot times into epoch seconds. The uptime is
// read first and /proc/uptime rounds down, so the boot time derived from them is never earlier than the true
// one: a process is never taken for older than its files.
const CLOCK_LINES = [
  'read -r hf_uptime hf_idle < /proc/uptime',
  printTagged(TAG.now, '"$(date +%s.%N)"', '"$hf_uptime"'),
];

function lockLines(lock: LockRequest): string[] {
  const flock = lock.waitSec > 0 ? `flock -w ${Math.floor(lock.waitSec)} 9` : 'flock -n 9';
  return [
    LOCK_HOLDER,
    `{ [ -d /run/lock ] || mkdir -p /run/lock; } && exec 9>>${LOCK_FILE}`,
    `if ${flock}; then`,
    `  printf '%s\\n%s\\n' ${quoteArg(lock.holder)} "$$" > ${LOCK_FILE}.info; ${printTagged(TAG.lock, 'acquired')}`,
    `else ${printTagged(TAG.lock, 'held', '"$(hf_lock_holder | hf_b64)"')}; return 0; fi`,
    'hf_recover',
  ];
}

/** The grace a read-only run gives a held lock: a run whose shell is just ending. */
const READ_LOCK_GRACE_SEC = 2;

/** How a read-only run (drift, status) treats the lock it does not take. */
export interface ReadLock {
  /** The audit log's author when the run recovers an interrupted commit. */
  who?: string;
  /** Seconds to wait for a held lock to be freed (`--lock-wait`); at least READ_LOCK_GRACE_SEC. */
  waitSec?: number;
  /** Files whose content the reader already holds: each is sent again only when its signature changed. */
  known?: KnownFiles;
}

// A signature as the script's word: only what stat prints (digits, colons, dots) passes; anything else is unknown.
function signatureArg(signature: string | undefined): string {
  return signature !== undefined && /^[0-9:.]+$/.test(signature) ? signature : '-';
}

// A read-only run looks at the lock without keeping it: held (after its wait, at least 2 s of grace, for a run
// whose shell is just ending), it says by whom (its findings would be a running run's half state); free, it first
// recovers an interrupted run's manifest (a running run owns its own).
function readLockLines(waitSec: number): string[] {
  const wait = Math.max(READ_LOCK_GRACE_SEC, Math.floor(waitSec));
  return [
    LOCK_HOLDER,
    `if [ -e ${LOCK_FILE} ] && ! ( exec 9<${LOCK_FILE} && flock -w ${wait} 9 || exit 1; [ ! -f "$hf_manifest" ] || hf_recover; exit 0 ); then`,
    `  ${printTagged(TAG.lock, 'held', '"$(hf_lock_holder | hf_b64)"')}`,
    'fi',
  ];
}

/**
 * The facts script for this request; with a lock request it first takes the host's lock (and stops if held),
 * without one it looks at the lock, waiting up to `read.waitSec` for a held one.
 * Either way it first finishes or rolls back a run that was cut short (a recovery line says which); `who` is
 * the audit log's author for that.
 */
export function factsScript(request: FactRequest, lock?: LockRequest, read: ReadLock = {}): string {
  const who = read.who ?? 'hfleet (a read-only run)';
  const lines = [
    COMMIT_FUNCTIONS,
    PRELUDE,
    ...commitVariables(lock?.holder ?? who, HOST_PATHS),
    ...(lock ? lockLines(lock) : readLockLines(read.waitSec ?? 0)),
    ...CLOCK_LINES,
  ];
  if (request.files.length > 0) {
    const signatures = request.files.map((file) => signatureArg(read.known?.get(file)?.signature));
    lines.push(`hf_sigs='${signatures.join(' ')} '`, `hf_files ${request.files.map(quoteArg).join(' ')}`);
  }
  if (request.dropinDirs.length > 0) lines.push(`hf_dropins ${request.dropinDirs.map(quoteArg).join(' ')}`);
  for (const user of request.users) lines.push(`hf_user ${quoteArg(user)}`);
  for (const { path, owner, group } of request.ownership) {
    lines.push(`hf_owned ${quoteArg(path)} ${quoteArg(owner)} ${quoteArg(group)}`);
  }
  for (const path of request.exists) lines.push(`hf_exists ${quoteArg(path)}`);
  if (request.units.length > 0) {
    const units = request.units.map(quoteArg).join(' ');
    const properties = SHOW_PROPERTIES.join(',');
    lines.push(
      printTagged(TAG.showBlock, 'begin'),
      `systemctl show -p ${properties} -- ${units}`,
      `printf '\\n'; ${printTagged(TAG.showBlock, 'end')}`,
    );
  }
  // Every endpoint in one bash (/dev/tcp): an `H` line per unit naming the outcome (see src/health/probe.ts).
  if (request.health.length > 0) lines.push(probeCommand(request.health));
  return `${lines.join('\n')}\n`;
}
