// Human output of a rollout: a line per host as it finishes, then one line per batch and the verdict.
import type { EngineEvent } from '../engine/events.js';
import type { RolloutReport } from '../engine/rollout.js';
import { isInteractive, styleFor } from './style.js';

/** A reporter for rolling restarts; `hostLines: false` leaves out the per-host lines (progress lines or --quiet). */
export function rolloutHuman(options: { hostLines: boolean } = { hostLines: true }) {
  const err = process.stderr;
  const style = styleFor(err);
  const interactive = isInteractive(err);
  return {
    onEvent(event: EngineEvent): void {
      if (!options.hostLines && event.type !== 'warning') return;
      if (event.type === 'host-phase' && interactive) err.write(style.dim(`${event.host}: ${event.phase}\n`));
      if (event.type === 'host-done') {
        const r = event.result;
        const ok = r.status === 'ok' || r.status === 'changed';
        err.write(
          `${r.host}: ${ok ? style.green('healthy') : style.red(r.status)}${r.error ? ` ${r.error}` : ''}\n`,
        );
      }
      if (event.type === 'warning') err.write(`${style.yellow('warning')}: ${event.message}\n`);
    },
    finish(report: RolloutReport): string {
      const out = styleFor(process.stdout);
      const lines = report.batches.map((batch, index) => {
        const status = batch.status === 'healthy' ? out.green(batch.status) : out.red(batch.status);
        return `batch ${index + 1}: ${batch.customers.join(', ')} (${batch.hosts.join(', ')}) ${status}${batch.error ? `: ${batch.error}` : ''}`;
      });
      if (report.untouched.length > 0) lines.push(`untouched: ${report.untouched.join(', ')}`);
      const verdict = report.halted
        ? out.red(`halted: ${report.failed.length} host(s) failed`)
        : report.interrupted
          ? out.yellow('interrupted')
          : report.failed.length > 0
            ? out.yellow(`done with ${report.failed.length} failure(s) within --max-fail`)
            : out.green('done: every batch healthy');
      lines.push(verdict);
      return `${lines.join('\n')}\n`;
    },
  };
}
