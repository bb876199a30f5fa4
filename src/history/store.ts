// The run history: one JSON line per run, appended to a file per UTC day; retention deletes whole days.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunKind, RunQuery, RunRecord } from './types.js';

const DAY_MS = 86_400_000;
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function matches(record: RunRecord, query: RunQuery): boolean {
  if (query.sinceMs !== undefined && Date.parse(record.at) < query.sinceMs) return false;
  if (query.host !== undefined && !record.hosts.includes(query.host)) return false;
  return query.kinds === undefined || query.kinds.includes(record.kind);
}

/** Append-only JSON lines under one folder: no server, no native module, readable with `jq`. */
export class HistoryStore {
  constructor(
    readonly dir: string,
    private readonly retentionDays: number,
  ) {}

  /** Record a run ending now (or at `nowMs`); returns the stored record. Days past the retention are deleted. */
  append(
    run: { kind: RunKind; who: string; hosts: string[]; exit_code: number; document: unknown },
    nowMs = Date.now(),
  ): RunRecord {
    const record: RunRecord = {
      id: `${nowMs.toString(36)}-${randomBytes(3).toString('hex')}`,
      kind: run.kind,
      who: run.who,
      at: new Date(nowMs).toISOString(),
      hosts: run.hosts,
      exit_code: run.exit_code,
      document: run.document,
    };
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // One write with O_APPEND: concurrent runs never interleave inside a line.
    appendFileSync(join(this.dir, `${dayOf(nowMs)}.jsonl`), `${JSON.stringify(record)}\n`, { mode: 0o600 });
    this.prune(nowMs);
    return record;
  }

  /** The runs matching `query`, oldest first; a torn or foreign line is skipped. */
  list(query: RunQuery = {}): RunRecord[] {
    const fromDay = query.sinceMs === undefined ? '' : dayOf(query.sinceMs);
    const runs: RunRecord[] = [];
    // Cheap text checks first: a day of serve sweeps is thousands of lines a host page does not want.
    const kindTexts = query.kinds?.map((kind) => `"kind":${JSON.stringify(kind)}`);
    const hostText = query.host === undefined ? undefined : JSON.stringify(query.host);
    for (const day of this.days()) {
      if (day < fromDay) continue;
      for (const line of this.readDay(day)) {
        if (kindTexts && !kindTexts.some((text) => line.includes(text))) continue;
        if (hostText && !line.includes(hostText)) continue;
        const record = parseRecord(line);
        if (record && matches(record, query)) runs.push(record);
      }
    }
    return runs;
  }

  /** Delete the day files older than the retention. */
  prune(nowMs = Date.now()): void {
    const oldestKept = dayOf(nowMs - this.retentionDays * DAY_MS);
    for (const day of this.days()) {
      if (day < oldestKept) rmSync(join(this.dir, `${day}.jsonl`), { force: true });
    }
  }

  private days(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names.flatMap((name) => DAY_FILE.exec(name)?.[1] ?? []).sort();
  }

  private readDay(day: string): string[] {
    try {
      return readFileSync(join(this.dir, `${day}.jsonl`), 'utf8').split('\n');
    } catch {
      return [];
    }
  }
}

function parseRecord(line: string): RunRecord | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as Partial<RunRecord>;
    if (typeof value.id !== 'string' || typeof value.at !== 'string' || !Array.isArray(value.hosts))
      return undefined;
    return value as RunRecord;
  } catch {
    return undefined;
  }
}
