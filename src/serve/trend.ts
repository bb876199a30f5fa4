// 24 hours of memory and restarts per host and unit, in 5-minute buckets kept in memory (typed rings).

/** The width of one trend bucket. */
export const TREND_BUCKET_MS = 300_000;
/** Buckets kept: 24 hours. */
export const TREND_BUCKETS = 288;

/** The start of the bucket a time falls in. */
export function trendBucket(nowMs: number): number {
  return nowMs - (nowMs % TREND_BUCKET_MS);
}

/** One bucket: its start, the highest memory seen in it and the last restart count. */
export interface TrendPoint {
  t: number;
  memory: number | null;
  restarts: number | null;
}

// One series: bucket starts, memory and restarts in three rings (NaN: no value), oldest at `start`.
class Ring {
  readonly t = new Float64Array(TREND_BUCKETS);
  readonly memory = new Float64Array(TREND_BUCKETS);
  readonly restarts = new Float64Array(TREND_BUCKETS);
  start = 0;
  length = 0;

  slot(index: number): number {
    return (this.start + index) % TREND_BUCKETS;
  }
}

const orNaN = (value: number | null) => (value === null ? Number.NaN : value);
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** A bounded series per `host unit` (about 7 KiB each); a sweep updates the current bucket or opens the next. */
export class TrendBook {
  readonly #series = new Map<string, Ring>();

  /** Record one sweep's reading of a unit. */
  add(host: string, unit: string, nowMs: number, memory: number | null, restarts: number | null): void {
    const key = `${host}\t${unit}`;
    const t = trendBucket(nowMs);
    let ring = this.#series.get(key);
    if (!ring) {
      ring = new Ring();
      this.#series.set(key, ring);
    }
    const last = ring.length > 0 ? ring.slot(ring.length - 1) : -1;
    if (last >= 0 && ring.t[last] === t) {
      if (memory !== null) ring.memory[last] = Math.max(orNull(ring.memory[last] as number) ?? 0, memory);
      if (restarts !== null) ring.restarts[last] = restarts;
      return;
    }
    if (last >= 0 && (ring.t[last] as number) > t) return;
    let slot: number;
    if (ring.length < TREND_BUCKETS) slot = ring.slot(ring.length++);
    else {
      slot = ring.start;
      ring.start = (ring.start + 1) % TREND_BUCKETS;
    }
    ring.t[slot] = t;
    ring.memory[slot] = orNaN(memory);
    ring.restarts[slot] = orNaN(restarts);
  }

  /** The unit's points of the last 24 hours before `nowMs`, oldest first. */
  series(host: string, unit: string, nowMs = Date.now()): TrendPoint[] {
    const ring = this.#series.get(`${host}\t${unit}`);
    if (!ring) return [];
    const points: TrendPoint[] = [];
    const oldest = nowMs - TREND_BUCKETS * TREND_BUCKET_MS;
    for (let index = 0; index < ring.length; index++) {
      const slot = ring.slot(index);
      const t = ring.t[slot] as number;
      if (t <= oldest) continue;
      points.push({
        t,
        memory: orNull(ring.memory[slot] as number),
        restarts: orNull(ring.restarts[slot] as number),
      });
    }
    return points;
  }

  /** Every series' point of the bucket starting at `t` (one of its last two), as `[host, unit, point]`. */
  *bucket(t: number): Generator<[string, string, TrendPoint]> {
    for (const [key, ring] of this.#series) {
      for (let index = ring.length - 1; index >= Math.max(0, ring.length - 2); index--) {
        const slot = ring.slot(index);
        if (ring.t[slot] !== t) continue;
        const tab = key.indexOf('\t');
        const point = {
          t,
          memory: orNull(ring.memory[slot] as number),
          restarts: orNull(ring.restarts[slot] as number),
        };
        yield [key.slice(0, tab), key.slice(tab + 1), point];
      }
    }
  }
}
