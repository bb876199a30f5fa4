// The settle check: after health passed, a unit must not restart again (catches crash loops one curl misses).
import { quoteArg } from '../util/shell-quote.js';

// Record NRestarts and MainPID of each unit, wait, record again: tagged A (before) and B (after) lines.
export function settleScript(units: readonly string[], seconds: number): string {
  const list = units.map(quoteArg).join(' ');
  return [
    `for hf_u in ${list}; do printf 'A\\t%s\\t%s\\n' "$hf_u" "$(systemctl show -p NRestarts,MainPID,ActiveState "$hf_u" | tr '\\n' ' ')"; done`,
    `sleep ${Math.max(0, Math.floor(seconds))}`,
    `for hf_u in ${list}; do printf 'B\\t%s\\t%s\\n' "$hf_u" "$(systemctl show -p NRestarts,MainPID,ActiveState "$hf_u" | tr '\\n' ' ')"; done`,
  ].join('\n');
}

/** A unit that did not hold still during the settle window. */
export interface Unsettled {
  unit: string;
  reason: string;
}

// Units whose restart count grew, whose main process changed, or that stopped being active while settling.
export function unsettledUnits(stdout: string): Unsettled[] {
  const before = new Map<string, string[]>();
  const problems: Unsettled[] = [];
  for (const line of stdout.split('\n')) {
    const [tag, unit = '', values = ''] = line.split('\t');
    const props = Object.fromEntries(
      values
        .trim()
        .split(/\s+/)
        .map((pair) => pair.split('=', 2)),
    );
    const restarts = props['NRestarts'] ?? '0';
    const pid = props['MainPID'] ?? '0';
    const state = props['ActiveState'] ?? '';
    if (tag === 'A') before.set(unit, [restarts, pid]);
    if (tag !== 'B') continue;
    const [restartsBefore = '0', pidBefore = '0'] = before.get(unit) ?? [];
    if (Number(restarts) > Number(restartsBefore))
      problems.push({
        unit,
        reason: `restarted ${Number(restarts) - Number(restartsBefore)} time(s) while settling (crash loop?)`,
      });
    else if (state !== 'active') problems.push({ unit, reason: `${state || 'not active'} while settling` });
    else if (pid !== pidBefore)
      problems.push({ unit, reason: `main process changed while settling (${pidBefore} -> ${pid})` });
  }
  return problems;
}
