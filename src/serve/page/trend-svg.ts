// A sparkline of one measure over the last 24 hours, with its range in words beside it.
import { html } from 'hono/html';
import type { TrendPoint } from '../trend.js';

const WIDTH = 120;
const HEIGHT = 22;

/** Which measure a sparkline draws, and how its values read. */
export interface TrendMeasure {
  word: string;
  pick: (point: TrendPoint) => number | null;
  format: (value: number) => string;
}

/** An inline SVG polyline of the measure over the points, its low and high beside it (a word when too few). */
export function trendSvg(points: readonly TrendPoint[], measure: TrendMeasure, label: string) {
  const { word, pick, format } = measure;
  const values = points.flatMap((point) => {
    const value = pick(point);
    return value === null ? [] : [{ t: point.t, value }];
  });
  if (values.length < 2)
    return html`<span class="muted" title="${label}" data-trend-points="${values.length}">${word}: collecting</span>`;
  const first = (values[0] as { t: number }).t;
  const span = Math.max(1, (values[values.length - 1] as { t: number }).t - first);
  const low = Math.min(...values.map((v) => v.value));
  const high = Math.max(...values.map((v) => v.value));
  const spread = Math.max(1, high - low);
  const coords = values
    .map(
      (v) =>
        `${(((v.t - first) / span) * WIDTH).toFixed(1)},${(HEIGHT - ((v.value - low) / spread) * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  const range = low === high ? format(low) : `${format(low)}-${format(high)}`;
  return html`<svg class="trend" data-trend-points="${values.length}" viewBox="0 -1 ${WIDTH} ${HEIGHT + 2}" role="img" aria-label="${label}"><polyline points="${coords}"/></svg> <span class="muted">${word} ${range}</span>`;
}
