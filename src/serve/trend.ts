// 24 hours of memory and restarts per host and unit, in 5-minute buckets kept in memory.

/** The width of one trend bucket. */
export const TREND_BUCKET_MS = 300_000;
/** Buckets kept: 24 hours. */
export const TREND_BUCKETS = 288;

/** One bucket: its start, the highest memory seen in it and the last restart count. */
export interface TrendPoint {
  t: number;
  memory: number | null;
  restarts: number | null;
}

// A bounded series per `host unit`; a sweep updates the current bucket or opens the next one.
export class TrendBook {
  readonly #series = new Map<string, TrendPoint[]>();

  // Record one sweep's reading of a unit.
  add(host: string, unit: string, nowMs: number, memory: number | null, restarts: number | null): void {
    const key = `${host}\t${unit}`;
    const t = nowMs - (nowMs % TREND_BUCKET_MS);
    let points = this.#series.get(key);
    if (!points) {
      points = [];
      this.#series.set(key, points);
    }
    const last = points[points.length - 1];
    if (last && last.t === t) {
      if (memory !== null) last.memory = Math.max(last.memory ?? 0, memory);
      if (restarts !== null) last.restarts = restarts;
      return;
    }
    points.push({ t, memory, restarts });
    while (points.length > 0 && (points[0] as TrendPoint).t <= t - TREND_BUCKETS * TREND_BUCKET_MS)
      points.shift();
  }

  // The unit's points of the last 24 hours, oldest first.
  series(host: string, unit: string): readonly TrendPoint[] {
    return this.#series.get(`${host}\t${unit}`) ?? [];
  }
}
