// The apply command: one script that makes a host match its plan, printing a tagged line per step.
import type { HostPlan } from '../tasks/plan-types.js';
import { quoteArg, shellCommand } from '../util/shell-quote.js';
import { stepLabel, type UnitAction } from './step-labels.js';

/** Where each run that changes a host leaves a line. */
export const AUDIT_LOG = '/var/log/hfleet/audit.log';

// Shell helpers: K<TAB>label on success, X<TAB>label<TAB>status<TAB>base64(output) on the first failure.
const PRELUDE = String.raw`hf_b64() { base64 | tr -d '\n'; }
hf_tmps=''
hf_put() {
  hf_dir=${'$'}{1%/*}
  mkdir -p "$hf_dir" || return 1
  hf_tmp=$(mktemp "$hf_dir/.hfleet.XXXXXX") || return 1
  if printf %s "$2" | base64 -d > "$hf_tmp" && chmod 0644 "$hf_tmp" && chown root:root "$hf_tmp"; then
    sync "$hf_tmp" 2>/dev/null; printf %s "$hf_tmp"
  else rm -f "$hf_tmp"; return 1; fi
}
hf_fail() { printf 'X\t%s\t%s\t%s\n' "$1" "$2" "$(printf %s "$3" | hf_b64)"; }
hf_run() {
  hf_label=$1; shift
  hf_out=$("$@" 9>&- 2>&1); hf_rc=$?
  if [ "$hf_rc" -ne 0 ]; then hf_fail "$hf_label" "$hf_rc" "$hf_out"; return 1; fi
  printf 'K\t%s\n' "$hf_label"
}
hf_useradd() {
  if getent group "$1" >/dev/null; then useradd -r -M -s "$2" -g "$1" "$1"; else useradd -r -M -s "$2" -U "$1"; fi
}
hf_audit() {
  mkdir -p "${'$'}{hf_audit_log%/*}" && printf '%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" >> "$hf_audit_log"
}
`;

function fileLines(plan: HostPlan, audit: (outcome: string) => string): string[] {
  const lines: string[] = [];
  const writes = plan.files.filter((file) => file.content !== null);
  writes.forEach((file, index) => {
    const content = Buffer.from(file.content!, 'utf8').toString('base64');
    lines.push(
      `hf_t${index}=$(hf_put ${quoteArg(file.path)} ${quoteArg(content)}) || { rm -f $hf_tmps; hf_fail ${quoteArg(`write ${file.path}`)} 1 "could not write a temporary file next to it"; ${audit(`failed writing ${file.path}`)}; return 1; }`,
      `hf_tmps="$hf_tmps $hf_t${index}"`,
    );
  });
  writes.forEach((file, index) => {
    lines.push(
      `hf_run ${quoteArg(stepLabel.file(file))} mv -f "$hf_t${index}" ${quoteArg(file.path)} || { rm -f $hf_tmps; return 1; }`,
    );
  });
  for (const file of plan.files.filter((f) => f.content === null)) {
    lines.push(`hf_run ${quoteArg(stepLabel.file(file))} rm -f ${quoteArg(file.path)} || return 1`);
  }
  return lines;
}

function step(label: string, argv: readonly string[]): string {
  return `hf_run ${quoteArg(label)} ${shellCommand(argv)} || { hf_audit "$hf_who" ${quoteArg(`failed at ${label}`)}; return 1; }`;
}

// The apply script for a plan; `who` is the audit line's author (e.g. `alice@laptop hfleet apply`).
export function applyScript(
  plan: HostPlan,
  who: string,
  summary: string,
  auditLog: string = AUDIT_LOG,
): string {
  const audit = (outcome: string) => `hf_audit "$hf_who" ${quoteArg(outcome)}`;
  const lines = [
    PRELUDE,
    `hf_who=${quoteArg(who)}`,
    `hf_audit_log=${quoteArg(auditLog)}`,
    // Asked for with --unmask: remove the operator's mask before the unit's own file takes its place.
    ...(plan.unmask.length > 0
      ? [step(stepLabel.unmask(plan.unmask), ['systemctl', 'unmask', '--quiet', ...plan.unmask])]
      : []),
    ...fileLines(plan, audit),
  ];
  for (const { user, shell } of plan.users)
    lines.push(step(stepLabel.user(user), ['hf_useradd', user, shell]));
  for (const { path, owner, group } of plan.chown)
    lines.push(step(stepLabel.chown(path), ['chown', '-R', `${owner}:${group}`, path]));
  for (const { name, argv } of plan.commands) lines.push(step(stepLabel.command(name), argv));
  if (plan.daemonReload) lines.push(step(stepLabel.daemonReload(), ['systemctl', 'daemon-reload']));
  // One systemctl call per action: systemd runs the jobs of all its units at once and names any that failed.
  const unitStep = (action: UnitAction, units: readonly string[], flags: string[] = []) => {
    if (units.length > 0)
      lines.push(step(stepLabel.units(action, units), ['systemctl', action, ...flags, ...units]));
  };
  unitStep('stop', plan.stop);
  unitStep('disable', plan.disable, ['--quiet']);
  unitStep('restart', plan.restart);
  unitStep('start', plan.start);
  unitStep('enable', plan.enable, ['--quiet']);
  lines.push(audit(summary));
  return `${lines.join('\n')}\n`;
}

/** The outcome of an apply script: the steps that succeeded and the first that failed. */
export interface ApplyOutcome {
  done: string[];
  failed: { step: string; status: number; output: string } | undefined;
}

// Parse the apply script's tagged lines.
export function parseApplyOutput(stdout: string): ApplyOutcome {
  const outcome: ApplyOutcome = { done: [], failed: undefined };
  for (const line of stdout.split('\n')) {
    const [tag, label = '', status = '', output = ''] = line.split('\t');
    if (tag === 'K') outcome.done.push(label);
    if (tag === 'X' && !outcome.failed) {
      outcome.failed = {
        step: label,
        status: Number(status),
        output: Buffer.from(output, 'base64').toString('utf8').trim(),
      };
    }
  }
  return outcome;
}
