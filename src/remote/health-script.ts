// The health wait: on the host, every unit at once until it looks healthy, then its settle window.
import {
  DEFAULT_SETTLE_SEC,
  describeState,
  HEALTHY_STATE_PATTERNS,
  judgeHealth,
  PROBE_FUNCTION,
  parseProbeLines,
  probeCode,
  type UnitState,
  unitKind,
  unitStateOf,
} from '../health/index.js';
import type { ResolvedHealthTask } from '../playbook/types.js';
import { quoteArg } from '../util/shell-quote.js';
import { FAILPOINT_FUNCTION, HOST_PATHS } from './commit-script.js';
import { linesTagged, printTagged, TAG, type Tag } from './protocol.js';

/** The properties read at each look at a unit. */
const STATE_PROPERTIES = 'Type,ActiveState,SubState,Result,MainPID,NRestarts';

// hf_wait UNIT KIND PORT PATH TIMEOUT SETTLE: a `healthWait` line with the state it ended on (and the probe's
// line), then, once it looked healthy and SETTLE > 0, a `settled` line with the state after the window.
const PRELUDE = String.raw`hf_tab=$(printf '\t')
hf_props() { systemctl show -p ${STATE_PROPERTIES} -- "$1" 2>/dev/null | tr '\n' ' '; }
hf_key() {
  hf_t=; hf_a=; hf_s=; hf_r=
  for hf_kv in $2; do
    case $hf_kv in Type=*) hf_t=${'$'}{hf_kv#*=};; ActiveState=*) hf_a=${'$'}{hf_kv#*=};; SubState=*) hf_s=${'$'}{hf_kv#*=};; Result=*) hf_r=${'$'}{hf_kv#*=};; esac
  done
  printf '%s:%s:%s:%s:%s' "$1" "$hf_t" "$hf_a" "$hf_s" "$hf_r"
}
hf_running() { case $1 in ${HEALTHY_STATE_PATTERNS.join('|')}) return 0;; esac; return 1; }
${PROBE_FUNCTION}
hf_wait() {
  hf_end=$(( $(date +%s) + $5 ))
  while :; do
    hf_p=$(hf_props "$1"); hf_h=; hf_ok=
    if hf_running "$(hf_key "$2" "$hf_p")"; then
      if [ -z "$3" ]; then hf_ok=1; else
        hf_h=$(hf_probe "$1" "$3" "$4")
        case $hf_h in *"$hf_tab"200) hf_ok=1;; esac
      fi
    fi
    if [ -n "$hf_ok" ] || [ "$(date +%s)" -ge "$hf_end" ]; then break; fi
    sleep 1
  done
  ${printTagged(TAG.healthWait, '"$1"', '"$hf_p"')}
  [ -n "$hf_h" ] && printf '%s\n' "$hf_h"
  if [ -n "$hf_ok" ] && [ "$6" -gt 0 ]; then sleep "$6"; ${printTagged(TAG.settled, '"$1"', '"$(hf_props "$1")"')}; fi
  return 0
}
`;

/** A unit to wait for: its health task and the settle window to pay once it looks healthy. */
export type HealthWait = Pick<ResolvedHealthTask, 'unit' | 'port' | 'path' | 'timeoutSec'> & {
  settleSec: number;
};

/** The health tasks as waits: each task's settle window, or `settleSec` for all when given (--settle). */
export function healthWaits(checks: readonly ResolvedHealthTask[], settleSec?: number): HealthWait[] {
  return checks.map((check) => ({ ...check, settleSec: settleSec ?? check.settleSec ?? DEFAULT_SETTLE_SEC }));
}

/** Wait for every unit in parallel on the host; the host pays the longest wait plus one settle window. */
export function healthScript(waits: readonly HealthWait[]): string {
  const lines = [
    PRELUDE,
    FAILPOINT_FUNCTION,
    `hf_failpoints=${quoteArg(HOST_PATHS.failpointDir)}`,
    'hf_fp health',
  ];
  for (const wait of waits) {
    const port = wait.port === undefined ? "''" : String(wait.port);
    const timeout = Math.max(1, Math.floor(wait.timeoutSec));
    const settle = Math.max(0, Math.floor(wait.settleSec));
    lines.push(
      `hf_wait ${quoteArg(wait.unit)} ${quoteArg(unitKind(wait.unit))} ${port} ${quoteArg(wait.path)} ${timeout} ${settle} &`,
    );
  }
  lines.push('wait');
  return `${lines.join('\n')}\n`;
}

/** The result of one health check, as the apply and restart documents report it. */
export interface HealthOutcome {
  unit: string;
  healthy: boolean;
  /** ActiveState/SubState the check ended on, e.g. `active/running`, `activating/auto-restart`. */
  state: string;
  /** HTTP status, 0 when the endpoint did not answer, undefined when the check has no endpoint. */
  http: number | undefined;
  /** Why the unit is not healthy (one line); empty when healthy. */
  reason: string;
}

function statesByUnit(stdout: string, tag: Tag): Map<string, UnitState> {
  const states = new Map<string, UnitState>();
  for (const [unit = '', props = ''] of linesTagged(stdout, tag)) {
    const record = Object.fromEntries(
      props
        .trim()
        .split(/\s+/)
        .filter((pair) => pair.includes('='))
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
    states.set(unit, unitStateOf(record));
  }
  return states;
}

/** Judge every wait from the script's lines by the one definition of healthy. */
export function parseHealthOutput(stdout: string, waits: readonly HealthWait[]): HealthOutcome[] {
  const seen = statesByUnit(stdout, TAG.healthWait);
  const settled = statesByUnit(stdout, TAG.settled);
  const endpoints = waits.flatMap((w) => (w.port === undefined ? [] : [{ ...w, port: w.port }]));
  const probes = parseProbeLines(stdout, endpoints);
  return waits.map((wait) => {
    const state = seen.get(wait.unit);
    const after = settled.get(wait.unit);
    const http = wait.port === undefined ? undefined : probeCode(probes.get(wait.unit));
    if (!state)
      return { unit: wait.unit, healthy: false, state: 'unknown', http, reason: 'no health result' };
    const verdict = judgeHealth({
      unit: wait.unit,
      state,
      probe: probes.get(wait.unit),
      hasEndpoint: wait.port !== undefined,
      settled: after,
    });
    const missedSettle = verdict.healthy && wait.settleSec > 0 && !after;
    return {
      unit: wait.unit,
      healthy: verdict.healthy && !missedSettle,
      state: describeState(after ?? state),
      http,
      reason: missedSettle ? 'the settle window did not report' : verdict.reason,
    };
  });
}

/** One line describing an unhealthy check, e.g. `hub-cloud.service: /api/health: HTTP 503 after 60 s`. */
export function describeUnhealthy(wait: HealthWait, outcome: HealthOutcome | undefined): string {
  if (!outcome) return `${wait.unit}: no health result`;
  const where = outcome.http !== undefined && outcome.state.startsWith('active/') ? `${wait.path}: ` : '';
  const settling = /settle window/.test(outcome.reason);
  return `${wait.unit}: ${where}${outcome.reason}${settling ? '' : ` after ${wait.timeoutSec} s`}`;
}
