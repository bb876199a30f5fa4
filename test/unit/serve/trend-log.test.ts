import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trendsDir } from '../../../src/history/state-dir.js';
import { TREND_BUCKET_MS, TREND_BUCKETS, TrendBook } from '../../../src/serve/trend.js';
import { TrendLog } from '../../../src/serve/trend-log.js';
import { scratchDir } from '../../support/scratch-dir.js';

const T0 = Date.parse('2026-11-29T10:00:00Z');
const API = 'hub-platform.service';
const TIMER = 'dbt-run.timer';

// A book that saw `buckets` sweeps of two hosts, each bucket kept in the log as serve keeps it.
function keptBook(log: TrendLog, buckets: number): TrendBook {
  const book = new TrendBook();
  for (let k = 0; k < buckets; k++) {
    const t = T0 + k * TREND_BUCKET_MS;
    book.add('acme-1', API, t + 1000, 1000 + k, k);
    book.add('acme-1', TIMER, t + 1000, null, null);
    book.add('globex-1', API, t + 2000, 5000 + k, 0);
    log.append(t, book.bucket(t), t + TREND_BUCKET_MS);
  }
  return book;
}

describe('TrendLog', () => {
  it('rebuilds the trends of the watched hosts from the kept buckets', async () => {
    const log = new TrendLog(scratchDir());
    const before = keptBook(log, 3);
    const now = T0 + 3 * TREND_BUCKET_MS;
    const after = new TrendBook();
    expect(await log.load(after, new Set(['acme-1']), now)).toBe(6);
    expect(after.series('acme-1', API, now)).toEqual(before.series('acme-1', API, now));
    expect(after.series('acme-1', TIMER, now)).toEqual([
      { t: T0, memory: null, restarts: null },
      { t: T0 + TREND_BUCKET_MS, memory: null, restarts: null },
      { t: T0 + 2 * TREND_BUCKET_MS, memory: null, restarts: null },
    ]);
    expect(after.series('globex-1', API, now)).toEqual([]);
  });

  it('stores one JSON line per host and bucket, readable with jq', () => {
    const dir = scratchDir();
    keptBook(new TrendLog(dir), 1);
    const lines = readFileSync(path.join(dir, '2026-11-29.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { t: T0, host: 'acme-1', units: { [API]: [1000, 0], [TIMER]: [null, null] } },
      { t: T0, host: 'globex-1', units: { [API]: [5000, 0] } },
    ]);
  });

  it('merges a bucket kept twice (serve stopped, then restarted within it): highest memory, last restarts', async () => {
    const log = new TrendLog(scratchDir());
    const first = new TrendBook();
    first.add('acme-1', API, T0 + 1000, 900, 1);
    log.append(T0, first.bucket(T0), T0 + 2000);
    const second = new TrendBook();
    await log.load(second, new Set(['acme-1']), T0 + 3000);
    second.add('acme-1', API, T0 + 4000, 700, 2);
    log.append(T0, second.bucket(T0), T0 + TREND_BUCKET_MS);
    const third = new TrendBook();
    await log.load(third, new Set(['acme-1']), T0 + TREND_BUCKET_MS);
    expect(third.series('acme-1', API, T0 + TREND_BUCKET_MS)).toEqual([{ t: T0, memory: 900, restarts: 2 }]);
  });

  it('reads only the last 24 hours, and skips torn and foreign lines', async () => {
    const dir = scratchDir();
    const log = new TrendLog(dir);
    const old = new TrendBook();
    old.add('acme-1', API, T0 - TREND_BUCKETS * TREND_BUCKET_MS, 1, 0);
    log.append(T0 - TREND_BUCKETS * TREND_BUCKET_MS, old.bucket(T0 - TREND_BUCKETS * TREND_BUCKET_MS), T0);
    keptBook(log, 1);
    const today = path.join(dir, '2026-11-29.jsonl');
    appendFileSync(today, '{"t":17\n{"not":"a trend"}\n\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a day file\n');
    const book = new TrendBook();
    expect(await log.load(book, new Set(['acme-1']), T0 + 1000)).toBe(2);
    expect(book.series('acme-1', API, T0 + 1000)).toEqual([{ t: T0, memory: 1000, restarts: 0 }]);
  });

  it('deletes the day files that hold nothing of the last 24 hours', () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, '2026-11-27.jsonl'), '');
    writeFileSync(path.join(dir, '2026-11-28.jsonl'), '');
    keptBook(new TrendLog(dir), 1);
    expect(readdirSync(dir).sort()).toEqual(['2026-11-28.jsonl', '2026-11-29.jsonl']);
  });

  it('loads nothing from a folder that does not exist', async () => {
    const log = new TrendLog(path.join(scratchDir(), 'none'));
    expect(await log.load(new TrendBook(), new Set(['acme-1']), T0)).toBe(0);
  });

  it('lives beside the history, under $XDG_STATE_HOME/hfleet', () => {
    expect(trendsDir({ XDG_STATE_HOME: '/var/state' })).toBe('/var/state/hfleet/trends');
  });
});
