// `hfleet history` as a table: one line per run, newest last.
import type { RunRecord } from '../history/types.js';

const HOSTS_SHOWN = 3;

// `a, b, c +4 more` for a run's hosts.
function hostList(hosts: readonly string[]): string {
  if (hosts.length === 0) return '-';
  const shown = hosts.slice(0, HOSTS_SHOWN).join(',');
  return hosts.length > HOSTS_SHOWN ? `${shown} +${hosts.length - HOSTS_SHOWN}` : shown;
}

/** The run's summary counts as `key=value` words (every fleet document has a `summary` of counts). */
export function summaryWords(document: unknown): string {
  const summary = (document as { summary?: unknown } | null)?.summary;
  if (typeof summary !== 'object' || summary === null) return '';
  return Object.entries(summary)
    .filter(([, value]) => typeof value === 'number')
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

/** The history table; an empty history says so in one line. */
export function historyHuman(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return 'no runs recorded for this selection\n';
  const rows = runs.map((run) => [
    run.at.slice(0, 19).replace('T', ' '),
    run.kind,
    run.who,
    String(run.exit_code),
    hostList(run.hosts),
    summaryWords(run.document),
  ]);
  const header = ['WHEN (UTC)', 'KIND', 'WHO', 'EXIT', 'HOSTS', 'SUMMARY'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] as number)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
