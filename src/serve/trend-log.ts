// serve's trends on disk: each closed 5-minute bucket appended once, read back (the last 24 hours) at start.
import { appendFileSync, createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TREND_BUCKET_MS, TREND_BUCKETS, type TrendBook, type TrendPoint } from './trend.js';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
/** The span the trends cover: what a restarted serve reads back. */
const SPAN_MS = TREND_BUCKETS * TREND_BUCKET_MS;
// The bucket start and host at the head of a line, read first: old lines and other hosts are skipped unparsed.
const LINE_HEAD = /^\{"t":(\d+),"host":("(?:[^"\\]|\\.)*"),/;

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One host's points of one bucket, as a line stores them: per unit `[memory, restarts]` (null: not read). */
interface TrendLine {
  t: number;
  host: string;
  units: Record<string, [number | null, number | null]>;
}

function parseLine(line: string): TrendLine | undefined {
  try {
    const value = JSON.parse(line) as Partial<TrendLine>;
    if (typeof value.t !== 'number' || typeof value.host !== 'string' || typeof value.units !== 'object')
      return undefined;
    return value as TrendLine;
  } catch {
    return undefined;
  }
}

// A JSON string's value ('' when it is not one).
function hostOf(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return '';
  }
}

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

/**
 * One JSON line per host and closed bucket (`{"t":MS,"host":H,"units":{"U":[memory,restarts]}}`), in a file
 * per UTC day of the bucket; days older than the trends' 24 hours are deleted as new ones are written.
 */
export class TrendLog {
  constructor(readonly dir: string) {}

  /** Append the bucket starting at `t`: one line per host of `points` (`[host, unit, point]`). */
  append(t: number, points: Iterable<[string, string, TrendPoint]>, nowMs = Date.now()): void {
    const hosts = new Map<string, TrendLine['units']>();
    for (const [host, unit, point] of points) {
      let units = hosts.get(host);
      if (!units) {
        units = {};
        hosts.set(host, units);
      }
      units[unit] = [point.memory, point.restarts];
    }
    if (hosts.size === 0) return;
    let text = '';
    for (const [host, units] of hosts) text += `${JSON.stringify({ t, host, units })}\n`;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // One write with O_APPEND: two serves writing at once never interleave inside a line.
    appendFileSync(join(this.dir, `${dayOf(t)}.jsonl`), text, { mode: 0o600 });
    this.prune(nowMs);
  }

  /**
   * Put the last 24 hours of `hosts` into `book`, a line at a time (older lines and other hosts are skipped
   * before parsing); a torn or foreign line is skipped. Resolves to the number of points read.
   */
  async load(book: TrendBook, hosts: ReadonlySet<string>, nowMs = Date.now()): Promise<number> {
    const oldest = nowMs - SPAN_MS;
    const fromDay = dayOf(oldest);
    let points = 0;
    for (const day of this.days()) {
      if (day < fromDay) continue;
      const lines = createInterface({
        input: createReadStream(join(this.dir, `${day}.jsonl`), 'utf8'),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      try {
        for await (const line of lines) {
          const head = LINE_HEAD.exec(line);
          const t = Number(head?.[1]);
          if (!head || !(t > oldest) || t > nowMs || !hosts.has(hostOf(head[2] as string))) continue;
          const entry = parseLine(line);
          if (!entry) continue;
          for (const [unit, values] of Object.entries(entry.units)) {
            if (!Array.isArray(values)) continue;
            book.add(entry.host, unit, entry.t, numberOrNull(values[0]), numberOrNull(values[1]));
            points++;
          }
        }
      } catch {
        // A day file removed or unreadable while read: what was read stays.
      } finally {
        lines.close();
      }
    }
    return points;
  }

  /** Delete the day files that hold nothing of the last 24 hours. */
  prune(nowMs = Date.now()): void {
    const oldestKept = dayOf(nowMs - SPAN_MS);
    for (const day of this.days()) {
      if (day < oldestKept) rmSync(join(this.dir, `${day}.jsonl`), { force: true });
    }
  }

  private days(): string[] {
    try {
      return readdirSync(this.dir)
        .flatMap((name) => DAY_FILE.exec(name)?.[1] ?? [])
        .sort();
    } catch {
      return [];
    }
  }
}
