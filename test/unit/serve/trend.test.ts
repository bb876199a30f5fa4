import { describe, expect, it } from 'vitest';
import { TREND_BUCKET_MS, TREND_BUCKETS, TrendBook } from '../../../src/serve/trend.js';

const T0 = Date.parse('2026-11-29T00:00:00Z');

describe('TrendBook', () => {
  it('keeps the highest memory and the last restarts of each 5-minute bucket', () => {
    const book = new TrendBook();
    book.add('acme-1', 'hub-cloud.service', T0 + 10_000, 100, 0);
    book.add('acme-1', 'hub-cloud.service', T0 + 20_000, 300, 1);
    book.add('acme-1', 'hub-cloud.service', T0 + 30_000, 200, null);
    book.add('acme-1', 'hub-cloud.service', T0 + TREND_BUCKET_MS, null, 2);
    expect(book.series('acme-1', 'hub-cloud.service', T0 + TREND_BUCKET_MS)).toEqual([
      { t: T0, memory: 300, restarts: 1 },
      { t: T0 + TREND_BUCKET_MS, memory: null, restarts: 2 },
    ]);
    expect(book.series('acme-1', 'hub-platform.service', T0)).toEqual([]);
  });

  it('holds 24 hours: the oldest bucket goes when a new one comes', () => {
    const book = new TrendBook();
    for (let k = 0; k < TREND_BUCKETS + 5; k++) book.add('h', 'u', T0 + k * TREND_BUCKET_MS, k, 0);
    const now = T0 + (TREND_BUCKETS + 4) * TREND_BUCKET_MS;
    const points = book.series('h', 'u', now);
    expect(points).toHaveLength(TREND_BUCKETS);
    expect(points[0]?.memory).toBe(5);
    expect(points.at(-1)?.memory).toBe(TREND_BUCKETS + 4);
  });

  it('leaves out buckets older than 24 hours when read later', () => {
    const book = new TrendBook();
    book.add('h', 'u', T0, 1, 0);
    expect(book.series('h', 'u', T0 + TREND_BUCKETS * TREND_BUCKET_MS + 1)).toEqual([]);
  });
});
