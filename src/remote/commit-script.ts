// The on-host commit protocol: a manifest of a run's renames written before the first one, so that a run cut
// short anywhere leaves a record the next run finishes or rolls back.
//
// Manifest (one per host, written only under the host lock), one tab-separated record a line:
//   hfleet-commit RUN-ID WHO(base64) SUMMARY(base64) STARTED   the run that owns it
//   file INDEX TARGET TEMP BACKUP                              one file to replace (TEMP `-`: to remove)
//   prepared                                                   every temp and backup is in place
//   renaming INDEX                                             written before each rename
//   committed                                                  every rename done, backups removed

import { quoteArg } from '../util/shell-quote.js';
import { TAG } from './protocol.js';

/** Where the commit protocol keeps its records on a host. */
export interface HostPaths {
  /** One line per run that changed the host, including interrupted and rolled-back ones. */
  auditLog: string;
  /** The running (or interrupted) run's manifest; absent when no run is committing. */
  manifest: string;
  /** Fault-injection markers for the lab's interruption tests (see docs/reliability.md). */
  failpointDir: string;
}

/** The paths on a real host. */
export const HOST_PATHS: HostPaths = {
  auditLog: '/var/log/hfleet/audit.log',
  manifest: '/var/lib/hfleet/commit.manifest',
  failpointDir: '/run/hfleet',
};

/** Prefix of every temp and backup file hfleet creates next to a managed file. */
export const TEMP_PREFIX = '.hfleet.';

/**
 * `hf_fp NAME`: when the lab's interruption tests armed failpoint NAME (a file in $hf_failpoints), the process
 * reaching it records its shell's pid and its own, then stops itself (SIGSTOP), once. Unarmed: one `test`.
 */
export const FAILPOINT_FUNCTION = String.raw`hf_fp() {
  [ -e "$hf_failpoints/failpoint.$1" ] || return 0
  rm -f "$hf_failpoints/failpoint.$1"
  read -r hf_self hf_rest < /proc/self/stat
  printf '%s %s\n' "$$" "$hf_self" > "$hf_failpoints/stopped.$1"
  kill -STOP "$hf_self"
}
`;

/**
 * Shell functions shared by the apply script and the recovery every run starts with. Each expects
 * $hf_manifest, $hf_who, $hf_audit_log and $hf_failpoints to be set.
 */
export const COMMIT_FUNCTIONS = `${FAILPOINT_FUNCTION}${String.raw`hf_tab=$(printf '\t')
hf_audit() {
  mkdir -p "${'$'}{hf_audit_log%/*}" && printf '%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" >> "$hf_audit_log"
}
hf_why() {
  hf_p=${'$'}{1%/*}
  while [ -n "$hf_p" ] && [ ! -e "$hf_p" ]; do hf_p=${'$'}{hf_p%/*}; done
  if [ -n "$hf_p" ] && [ ! -d "$hf_p" ]; then printf '%s is a file, not a directory' "$hf_p"; return 0; fi
  if [ -d "$1" ] && [ ! -L "$1" ]; then printf '%s is a directory, not a file' "$1"; return 0; fi
  hf_attrs=$(lsattr -d "$1" 2>/dev/null) && case ${'$'}{hf_attrs%% *} in *i*) printf '%s is immutable (chattr +i)' "$1"; return 0;; esac
  hf_msg=$(printf '%s\n' "$2" | sed '/^$/d' | tail -n 1)
  case $hf_msg in
    *'Read-only file system'*) printf '%s is on a read-only file system' "${'$'}{1%/*}";;
    *'No space left on device'*) printf 'no space left on the device of %s' "${'$'}{1%/*}";;
    *'Operation not permitted'*) printf '%s: operation not permitted' "$1";;
    *) printf '%s' "${'$'}{hf_msg:-no error message}";;
  esac
}
hf_undo() {
  hf_undo_rc=0
  while IFS=$hf_tab read -r hf_k hf_i hf_target hf_tmp hf_bak; do
    [ "$hf_k" = file ] || continue
    [ "$hf_tmp" = - ] || rm -f "$hf_tmp"
    if [ "$hf_i" -gt "$1" ]; then rm -f "$hf_bak"
    elif [ -e "$hf_bak" ] || [ -L "$hf_bak" ]; then mv -fT "$hf_bak" "$hf_target" || hf_undo_rc=1
    else rm -f "$hf_target" || hf_undo_rc=1; fi
  done < "$hf_manifest"
  return $hf_undo_rc
}
hf_drop_backups() {
  while IFS=$hf_tab read -r hf_k hf_i hf_target hf_tmp hf_bak; do
    [ "$hf_k" = file ] && rm -f "$hf_bak"
  done < "$hf_manifest"
  return 0
}
hf_recover() {
  rm -f "$hf_manifest.out"
  [ -f "$hf_manifest" ] || return 0
  hf_state=writing; hf_last=-1; hf_owner=''; hf_what=''; hf_since=''; hf_total=0
  while IFS=$hf_tab read -r hf_k hf_a hf_b hf_c hf_d; do
    case $hf_k in
      hfleet-commit) hf_owner=$hf_b; hf_what=$hf_c; hf_since=$hf_d;;
      file) hf_total=$((hf_total + 1));;
      prepared) hf_state=prepared;;
      renaming) hf_last=$hf_a;;
      committed) hf_state=committed;;
    esac
  done < "$hf_manifest"
  hf_by=$(printf %s "$hf_owner" | base64 -d 2>/dev/null)
  if [ "$hf_state" = committed ]; then
    hf_drop_backups; hf_outcome=finished
    hf_audit "$hf_who" "finished the interrupted run of $hf_by (since $hf_since): its files were all in place"
  elif hf_undo "$hf_last"; then
    hf_outcome=rolled-back
    hf_audit "$hf_who" "rolled back the interrupted run of $hf_by (since $hf_since): $((hf_last + 1)) of $hf_total files put back"
  else
    printf '${TAG.recovery}\tstuck\t%s\t%s\t%s\t%s\t%s\n' "$hf_owner" "$hf_since" "$hf_what" "$((hf_last + 1))" "$hf_total"
    return 0
  fi
  rm -f "$hf_manifest"
  printf '${TAG.recovery}\t%s\t%s\t%s\t%s\t%s\t%s\n' "$hf_outcome" "$hf_owner" "$hf_since" "$hf_what" "$((hf_last + 1))" "$hf_total"
}
`}`;

/** The variable lines every script using COMMIT_FUNCTIONS starts with. */
export function commitVariables(who: string, paths: HostPaths): string[] {
  return [
    `hf_who=${quoteArg(who)}`,
    `hf_audit_log=${quoteArg(paths.auditLog)}`,
    `hf_manifest=${quoteArg(paths.manifest)}`,
    `hf_failpoints=${quoteArg(paths.failpointDir)}`,
  ];
}

/** What a run found and did about an earlier run's manifest on a host. */
export interface Recovery {
  /** `finished`: its renames were done; `rolled-back`: its files were put back; `stuck`: a put-back failed. */
  outcome: 'finished' | 'rolled-back' | 'stuck';
  /** Who ran the interrupted run, and since when. */
  owner: string;
  since: string;
  summary: string;
  renamed: number;
  total: number;
}

/** The tag of the line a script prints when it found an interrupted run's manifest. */
export const RECOVERY_TAG = TAG.recovery;

/** The recovery line of a script's output, if the script found a manifest. */
export function parseRecovery(stdout: string): Recovery | undefined {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(`${RECOVERY_TAG}\t`));
  if (!line) return undefined;
  const [, outcome = '', owner = '', since = '', summary = '', renamed = '', total = ''] = line.split('\t');
  const decode = (text: string) => Buffer.from(text, 'base64').toString('utf8');
  return {
    outcome: outcome as Recovery['outcome'],
    owner: decode(owner),
    since,
    summary: decode(summary),
    renamed: Number(renamed),
    total: Number(total),
  };
}

/** One line saying what a run did about an interrupted one, e.g. for a host's report. */
export function describeRecovery(recovery: Recovery): string {
  const run = `the interrupted run of ${recovery.owner} (since ${recovery.since})`;
  if (recovery.outcome === 'finished') return `finished ${run}: its files were all in place`;
  if (recovery.outcome === 'rolled-back')
    return `rolled back ${run}: ${recovery.renamed} of ${recovery.total} files put back`;
  return `could not roll back ${run}: ${recovery.renamed} of ${recovery.total} files renamed; the next run tries again`;
}

/** A script that finishes or rolls back an interrupted run's manifest (and its temps), printing its C line. */
export function recoverScript(who: string, paths: HostPaths = HOST_PATHS): string {
  return [COMMIT_FUNCTIONS, ...commitVariables(who, paths), 'hf_recover', ''].join('\n');
}
