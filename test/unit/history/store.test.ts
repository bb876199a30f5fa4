import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retentionDays } from '../../../src/history/retention.js';
import { parseSince } from '../../../src/history/since.js';
import { historyDir } from '../../../src/history/state-dir.js';
import { HistoryStore } from '../../../src/history/store.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');

describe('HistoryStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hfleet-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (kind: 'apply' | 'drift', hosts: string[]) => ({
    kind,
    who: 'ops@laptop',
    hosts,
    exit_code: 0,
    document: { summary: { hosts: hosts.length } },
  });

  it('lists appended runs oldest first, filtered by host, kind and time', () => {
    const store = new HistoryStore(dir, 30);
    store.append(run('apply', ['acme-1', 'globex-1']), NOW - 3 * DAY);
    store.append(run('drift', ['acme-1']), NOW - DAY);
    store.append(run('apply', ['globex-1']), NOW);
    expect(store.list().map((r) => r.kind)).toEqual(['apply', 'drift', 'apply']);
    expect(store.list({ host: 'acme-1' }).map((r) => r.at.slice(0, 10))).toEqual([
      '2026-11-26',
      '2026-11-28',
    ]);
    expect(store.list({ kinds: ['apply'], sinceMs: NOW - 2 * DAY }).map((r) => r.hosts)).toEqual([
      ['globex-1'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['2026-11-26.jsonl', '2026-11-28.jsonl', '2026-11-29.jsonl']);
  });

  it('deletes the days past the retention when it records', () => {
    const store = new HistoryStore(dir, 2);
    store.append(run('apply', ['a']), NOW - 5 * DAY);
    store.append(run('apply', ['b']), NOW);
    expect(store.list().map((r) => r.hosts[0])).toEqual(['b']);
    expect(readdirSync(dir)).toEqual(['2026-11-29.jsonl']);
  });

  it('skips a torn last line and foreign files', () => {
    const store = new HistoryStore(dir, 30);
    store.append(run('apply', ['a']), NOW);
    writeFileSync(join(dir, '2026-11-29.jsonl'), '{"id":"x","kin', { flag: 'a' });
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(store.list()).toHaveLength(1);
  });

  it('returns nothing for a folder that does not exist yet', () => {
    expect(new HistoryStore(join(dir, 'none'), 30).list()).toEqual([]);
  });
});

describe('history settings', () => {
  it('keeps the history under XDG_STATE_HOME when it is absolute', () => {
    expect(historyDir({ XDG_STATE_HOME: '/var/state' })).toBe('/var/state/hfleet/history');
    expect(historyDir({ XDG_STATE_HOME: 'relative' })).toMatch(/\/\.local\/state\/hfleet\/history$/);
  });

  it('reads the retention from HFLEET_HISTORY_DAYS and refuses nonsense', () => {
    expect(retentionDays({})).toBe(30);
    expect(retentionDays({ HFLEET_HISTORY_DAYS: '7' })).toBe(7);
    expect(() => retentionDays({ HFLEET_HISTORY_DAYS: '0' })).toThrow(/whole number of days/);
    expect(() => retentionDays({ HFLEET_HISTORY_DAYS: '2w' })).toThrow(/HFLEET_HISTORY_DAYS/);
  });

  it('parses --since as a duration back from now or a date', () => {
    expect(parseSince('2d', NOW)).toBe(NOW - 2 * DAY);
    expect(parseSince('30m', NOW)).toBe(NOW - 30 * 60_000);
    expect(parseSince('2026-11-28', NOW)).toBe(Date.parse('2026-11-28'));
    expect(() => parseSince('yesterday', NOW)).toThrow(/--since: 'yesterday'/);
  });
});
