// Human output of status: one compact table row per host and unit, then a summary line.
import type { ChalkInstance } from 'chalk';
import type { StatusHostResult } from '../status/status-host.js';
import type { UnitStatus } from '../status/status-rows.js';
import type { StatusSummary } from '../status/status-summary.js';

const HEADERS = ['HOST', 'UNIT', 'STATE', 'HEALTH', 'PID', 'MEMORY', 'RESTARTS', 'UPTIME', 'NOTE'];

/** Bytes as a short binary size, e.g. `29.5M`. */
export function shortBytes(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T'];
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index++;
  }
  return index === 0 ? `${value}B` : `${value.toFixed(value < 10 ? 1 : 0)}${units[index]}`;
}

/** Seconds as a short duration, e.g. `3d4h`, `2h05m`, `42s`. */
export function shortDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d}d${h}h`;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${seconds}s`;
}

function memoryText(unit: UnitStatus): string {
  const used = unit.memory_bytes === null ? '-' : shortBytes(unit.memory_bytes);
  const max =
    unit.memory_max === null
      ? ''
      : unit.memory_max === 'infinity'
        ? ' / ∞'
        : ` / ${shortBytes(Number(unit.memory_max))}`;
  return `${used}${max}`;
}

/** The STATE cell: `active/running`; `masked` for a masked unit that does not run, else `active/running, masked`. */
export function stateText(unit: UnitStatus): string {
  const state = unit.sub ? `${unit.active}/${unit.sub}` : unit.active;
  if (!unit.masked) return state;
  return unit.active === 'inactive' ? 'masked' : `${state}, masked`;
}

function unitCells(host: string, unit: UnitStatus): string[] {
  return [
    host,
    unit.unit,
    stateText(unit),
    unit.health === null ? '-' : unit.health === 0 ? 'none' : String(unit.health),
    unit.main_pid === null ? '-' : String(unit.main_pid),
    memoryText(unit),
    unit.restarts === null ? '-' : String(unit.restarts),
    unit.uptime_sec === null ? '-' : shortDuration(unit.uptime_sec),
    unit.healthy ? '' : unit.reason,
  ];
}

/** The status table and summary (for stdout); unhealthy rows and failed hosts in red. */
export function statusHuman(
  results: readonly StatusHostResult[],
  summary: StatusSummary,
  style: ChalkInstance,
): string {
  const rows: { cells: string[]; ok: boolean }[] = [];
  const failures: string[] = [];
  for (const result of results) {
    if (result.recovered) failures.push(`${result.host}: ${style.yellow('note')}: ${result.recovered}`);
    if (result.status === 'unreachable' || result.status === 'error') {
      failures.push(`${result.host}: ${style.red(result.status)}: ${result.error ?? ''}`);
      continue;
    }
    for (const unit of result.units) rows.push({ cells: unitCells(result.host, unit), ok: unit.healthy });
  }
  const widths = HEADERS.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => row.cells[i]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const lines = [style.bold(format(HEADERS))];
  for (const row of rows) lines.push(row.ok ? format(row.cells) : style.red(format(row.cells)));
  lines.push(...failures);
  lines.push(
    `${summary.hosts} host${summary.hosts === 1 ? '' : 's'}: ${summary.healthy} healthy, ${summary.unhealthy} unhealthy, ` +
      `${summary.unreachable} unreachable, ${summary.error} error`,
  );
  return `${lines.join('\n')}\n`;
}
