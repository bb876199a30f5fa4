// The apply command: one script that makes a host match its plan, printing a tagged line per step. Its work
// runs detached from the SSH channel (signals of a lost client ignored, output to a file), so a client that
// goes away never cuts a commit in half; see commit-script.ts for the manifest that makes it recoverable.
import { randomBytes } from 'node:crypto';
import { MANAGED_FILE } from '../systemd/managed-paths.js';
import type { FileChange, HostPlan } from '../tasks/plan-types.js';
import { quoteArg, shellCommand } from '../util/shell-quote.js';
import {
  COMMIT_FUNCTIONS,
  commitVariables,
  HOST_PATHS,
  type HostPaths,
  TEMP_PREFIX,
} from './commit-script.js';
import { base64Field, printTagged, TAG, taggedLines } from './protocol.js';
import { stepLabel, type UnitAction } from './step-labels.js';

// Step helpers (labels from step-labels.ts): a `stepDone` line (label) on success, a `stepFailed` line (label,
// status, base64 output) on the first failure.
const STEP_FUNCTIONS = String.raw`hf_b64() { base64 | tr -d '\n'; }
hf_fail() { ${printTagged(TAG.stepFailed, '"$1"', '"$2"', '"$(printf %s "$3" | hf_b64)"')}; }
hf_run() {
  hf_label=$1; shift
  hf_out=$("$@" 9>&- 2>&1); hf_rc=$?
  if [ "$hf_rc" -ne 0 ]; then hf_fail "$hf_label" "$hf_rc" "$hf_out"; return 1; fi
  ${printTagged(TAG.stepDone, '"$hf_label"')}
}
hf_useradd() {
  if getent group "$1" >/dev/null; then useradd -r -M -s "$2" -g "$1" "$1"; else useradd -r -M -s "$2" -U "$1"; fi
}
hf_put() {
  # A temp is created 0600 (umask 077) and made 0644 root:root only once whole.
  hf_err=$( { mkdir -p "${'$'}{1%/*}" && ( set -C; umask 077; printf %s "$3" | base64 -d > "$2" ) && chmod ${MANAGED_FILE.mode} "$2" && chown ${MANAGED_FILE.owner}:${MANAGED_FILE.group} "$2"; } 2>&1 ) || {
    rm -f "$2"; hf_fail "write $1" 1 "$(hf_why "$1" "$hf_err")"; return 1; }
  sync "$2" 2>/dev/null; return 0
}
hf_backup() {
  [ -e "$1" ] || [ -L "$1" ] || return 0
  hf_err=$( { ln -P "$1" "$2" 2>/dev/null || cp -pP "$1" "$2"; } 2>&1 ) || { rm -f "$2"; hf_fail "back up $1" 1 "$(hf_why "$1" "$hf_err")"; return 1; }
}
hf_rename() {
  printf 'renaming\t%s\n' "$1" >> "$hf_manifest"
  if [ "$2" = - ]; then hf_err=$(rm -f "$3" 2>&1) && { printf '${TAG.stepDone}\tremove %s\n' "$3"; return 0; }; hf_label="remove $3"
  else hf_err=$(mv -fT "$2" "$3" 2>&1) && { printf '${TAG.stepDone}\trename %s\n' "$3"; return 0; }; hf_label="rename $3"; fi
  hf_undo $(($1 - 1)) && hf_undone="the $1 files before it were put back" || hf_undone="putting back the $1 files before it failed too"
  hf_fail "$hf_label" 1 "$(hf_why "$3" "$hf_err"); $hf_undone"
  hf_audit "$hf_who" "failed at $hf_label; $hf_undone"
  [ "$hf_undone" = "putting back the $1 files before it failed too" ] || rm -f "$hf_manifest"
  return 1
}
hf_abandon() { hf_undo -1; rm -f "$hf_manifest"; hf_audit "$hf_who" "$1"; }
`;

interface Entry {
  index: number;
  file: FileChange;
  temp: string;
  backup: string;
}

function entries(plan: HostPlan, runId: string): Entry[] {
  return plan.files.map((file, index) => {
    const dir = file.path.slice(0, file.path.lastIndexOf('/'));
    const temp = `${dir}/${TEMP_PREFIX}${runId}.${index}`;
    return { index, file, temp: file.content === null ? '-' : temp, backup: `${temp}.bak` };
  });
}

// Manifest first (even with no file: a run cut short is then still recorded), then temps and backups, then the renames: each step recorded before it is taken.
function fileLines(list: Entry[], runId: string, who: string, summary: string): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const records = list.flatMap(({ index, file, temp, backup }) => [String(index), file.path, temp, backup]);
  const header = `printf 'hfleet-commit\\t%s\\t%s\\t%s\\t%s\\n' ${quoteArg(runId)} ${quoteArg(b64(who))} ${quoteArg(b64(summary))} "$(date -u +%Y-%m-%dT%H:%M:%SZ)"`;
  const files =
    records.length > 0 ? `; printf 'file\\t%s\\t%s\\t%s\\t%s\\n' ${records.map(quoteArg).join(' ')}` : '';
  const lines = [
    `{ mkdir -p "\${hf_manifest%/*}" && { ${header}${files}; } > "$hf_manifest" && sync "$hf_manifest"; } || { hf_fail 'write the commit manifest' 1 "$(hf_why "$hf_manifest" '')"; return 1; }`,
  ];
  for (const { file, temp } of list) {
    if (file.content === null) continue;
    const content = Buffer.from(file.content, 'utf8').toString('base64');
    lines.push(
      `hf_put ${quoteArg(file.path)} ${quoteArg(temp)} ${quoteArg(content)} || { hf_abandon ${quoteArg(`failed writing ${file.path}`)}; return 1; }`,
      'hf_fp temp-written',
    );
  }
  for (const { file, backup } of list) {
    lines.push(
      `hf_backup ${quoteArg(file.path)} ${quoteArg(backup)} || { hf_abandon ${quoteArg(`failed backing up ${file.path}`)}; return 1; }`,
    );
  }
  lines.push(`printf 'prepared\\n' >> "$hf_manifest"; sync "$hf_manifest"`);
  for (const { index, file, temp } of list) {
    lines.push(`hf_rename ${index} ${quoteArg(temp)} ${quoteArg(file.path)} || return 1`, 'hf_fp renamed');
  }
  lines.push(`printf 'committed\\n' >> "$hf_manifest"; sync "$hf_manifest"; hf_drop_backups`);
  return lines;
}

function step(label: string, argv: readonly string[]): string {
  return `hf_run ${quoteArg(label)} ${shellCommand(argv)} || { hf_audit "$hf_who" ${quoteArg(`failed at ${label}`)}; rm -f "$hf_manifest"; return 1; }`;
}

/** The apply script for a plan; `who` is the audit line's author (e.g. `alice@laptop hfleet apply`). */
export function applyScript(
  plan: HostPlan,
  who: string,
  summary: string,
  paths: HostPaths = HOST_PATHS,
  runId: string = randomBytes(6).toString('hex'),
): string {
  const audit = (outcome: string) => `hf_audit "$hf_who" ${quoteArg(outcome)}`;
  const [manifest = '', ...files] = fileLines(entries(plan, runId), runId, who, summary);
  const body = [
    manifest,
    // Asked for with --unmask: remove the operator's mask before the unit's own file takes its place.
    ...(plan.unmask.length > 0
      ? [step(stepLabel.unmask(plan.unmask), ['systemctl', 'unmask', '--quiet', ...plan.unmask])]
      : []),
    ...files,
  ];
  for (const { user, shell } of plan.users)
    body.push(step(stepLabel.user(user), ['hf_useradd', user, shell]));
  for (const { path, owner, group } of plan.chown)
    body.push(step(stepLabel.chown(path), ['chown', '-R', `${owner}:${group}`, path]));
  for (const { name, argv } of plan.commands) body.push(step(stepLabel.command(name), argv));
  if (plan.daemonReload)
    body.push('hf_fp daemon-reload', step(stepLabel.daemonReload(), ['systemctl', 'daemon-reload']));
  // One systemctl call per action: systemd runs the jobs of all its units at once and names any that failed.
  const unitStep = (action: UnitAction, units: readonly string[], flags: string[] = []) => {
    if (units.length > 0)
      body.push(step(stepLabel.units(action, units), ['systemctl', action, ...flags, ...units]));
  };
  unitStep('stop', plan.stop);
  unitStep('disable', plan.disable, ['--quiet']);
  unitStep('restart', plan.restart);
  body.push('hf_fp restarted');
  unitStep('start', plan.start);
  unitStep('enable', plan.enable, ['--quiet']);
  body.push(audit(summary), 'rm -f "$hf_manifest"');
  return [
    COMMIT_FUNCTIONS,
    STEP_FUNCTIONS,
    ...commitVariables(who, paths),
    `hf_apply() {\n${body.join('\n')}\n}`,
    // Detached from the channel: a lost client can neither signal nor starve the part that changes the host.
    `mkdir -p "\${hf_manifest%/*}"`,
    `( trap '' HUP PIPE INT; hf_apply ) > "$hf_manifest.out" 2>&1 < /dev/null`,
    'hf_status=$?',
    `cat "$hf_manifest.out"; rm -f "$hf_manifest.out"`,
    'return $hf_status',
    '',
  ].join('\n');
}

/** The outcome of an apply script: the steps that succeeded and the first that failed. */
export interface ApplyOutcome {
  done: string[];
  failed: { step: string; status: number; output: string } | undefined;
}

/** Parse the apply script's tagged lines. */
export function parseApplyOutput(stdout: string): ApplyOutcome {
  const outcome: ApplyOutcome = { done: [], failed: undefined };
  for (const { tag, fields } of taggedLines(stdout)) {
    const [label = '', status = '', output = ''] = fields;
    if (tag === TAG.stepDone) outcome.done.push(label);
    if (tag === TAG.stepFailed && !outcome.failed) {
      outcome.failed = { step: label, status: Number(status), output: base64Field(output).trim() };
    }
  }
  return outcome;
}
