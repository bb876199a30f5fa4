// Human output of apply: a live line per host on stderr, then a recap table (like a PLAY RECAP) on stdout.
import type { EngineEvent } from '../engine/events.js';
import type { HostResult } from '../engine/host-result.js';
import type { RolloutReport } from '../engine/rollout.js';
import type { ApplySummary } from '../engine/run-fleet.js';
import { LiveLines } from './live-lines.js';
import { isInteractive, styleFor } from './style.js';

const PHASE_TEXT = {
  connecting: 'connecting',
  facts: 'gathering facts',
  applying: 'applying',
  health: 'waiting for health',
  rollback: 'rolling back',
  restarting: 'restarting',
} as const;

// `hub-platform.service` reads as `hub-platform`; other unit types keep their suffix.
function shortUnit(unit: string): string {
  return unit.replace(/\.service$/, '');
}

// `restart a.service`, `restart b.service`, `start c.service` read as `restart a, b; start c`.
function groupedActions(actions: readonly string[]): string {
  const byVerb = new Map<string, string[]>();
  for (const action of actions) {
    const [verb = '', unit = ''] = action.split(' ');
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), shortUnit(unit)]);
  }
  return [...byVerb].map(([verb, units]) => `${verb} ${units.join(', ')}`).join('; ');
}

function outcomeText(result: HostResult): string {
  const parts: string[] = [];
  const files = result.changes.length;
  if (files > 0) parts.push(`${files} change${files === 1 ? '' : 's'}`);
  if (result.restarted.length > 0) parts.push(`restarted ${result.restarted.map(shortUnit).join(', ')}`);
  const byAction = new Map<string, string[]>();
  for (const { action, unit } of result.services)
    byAction.set(action, [...(byAction.get(action) ?? []), shortUnit(unit)]);
  for (const [action, units] of byAction) parts.push(`${action} ${units.join(', ')}`);
  for (const change of result.changes)
    if (change.replaced_symlink !== undefined)
      parts.push(`replaced the symlink ${change.path} (to ${change.replaced_symlink}) with a regular file`);
  if (result.error) parts.push(result.error);
  if (result.masked.length > 0)
    parts.push(`left masked: ${result.masked.map(shortUnit).join(', ')} (--unmask to manage)`);
  if (result.not_run.length > 0) parts.push(`not run: ${groupedActions(result.not_run)}`);
  return parts.join('; ');
}

/** A reporter for apply-like runs: subscribe `onEvent`, then call `finish` with the results. */
export function humanApplyReporter(options: { verbose: boolean; check: boolean; hostLines?: boolean }) {
  const err = process.stderr;
  const style = styleFor(err);
  const live = options.hostLines === false ? undefined : new LiveLines(err, isInteractive(err));
  const colour = { ok: style.green, changed: style.yellow, failed: style.red, unreachable: style.red };
  const label = (status: HostResult['status']) =>
    colour[status](options.check && status === 'changed' ? 'would change' : status);
  return {
    onEvent(event: EngineEvent): void {
      if (event.type === 'host-phase')
        live?.set(event.host, `${event.host.padEnd(20)} ${style.dim(PHASE_TEXT[event.phase])}`);
      if (event.type === 'host-done') {
        const r = event.result;
        live?.set(r.host, `${r.host.padEnd(20)} ${label(r.status)} ${style.dim(outcomeText(r))}`, true);
      }
      if (event.type === 'warning')
        err.write(`${style.yellow('warning')}: ${event.host ? `${event.host}: ` : ''}${event.message}\n`);
      if (event.type === 'verbose' && options.verbose)
        err.write(style.dim(`[${event.host}] ${event.message}\n`));
    },
    finish(
      results: readonly HostResult[],
      summary: ApplySummary,
      seconds: number,
      rollout?: RolloutReport,
      stopped?: { interrupted: boolean; untouched: readonly string[] },
    ): string {
      live?.done();
      const out = styleFor(process.stdout);
      const width = Math.max(12, ...results.map((r) => r.host.length)) + 2;
      const lines = [
        out.bold(`RECAP (${results.length} host${results.length === 1 ? '' : 's'}, ${seconds.toFixed(1)} s)`),
      ];
      for (const r of results) {
        for (const d of r.diffs ?? []) lines.push(d.diff.trimEnd());
        lines.push(
          `${r.host.padEnd(width)}${r.customer.padEnd(14)}${label(r.status).padEnd(12)} ${outcomeText(r)}`,
        );
      }
      const untouched = stopped?.untouched ?? rollout?.untouched ?? [];
      const interrupted = stopped?.interrupted === true || rollout?.interrupted === true;
      if (interrupted || untouched.length > 0) {
        const why = rollout?.halted && !interrupted ? 'halted' : 'interrupted';
        lines.push(`${why}; untouched: ${untouched.length > 0 ? untouched.join(', ') : 'none'}`);
      }
      lines.push(
        `ok=${summary.ok} changed=${summary.changed} failed=${summary.failed} unreachable=${summary.unreachable}`,
      );
      return `${lines.join('\n')}\n`;
    },
  };
}
