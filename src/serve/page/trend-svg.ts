// A sparkline of one measure over the last 24 hours, with its range in words beside it.
import { html } from 'hono/html';
import type { TrendPoint } from '../trend.js';

const WIDTH = 120;
const HEIGHT = 22;

// An inline SVG polyline of `pick` over the points (nothing when fewer than two points have a value).
export function trendSvg(
  points: readonly TrendPoint[],
  pick: (point: TrendPoint) => number | null,
  label: string,
) {
  const values = points.flatMap((point) => {
    const value = pick(point);
    return value === null ? [] : [{ t: point.t, value }];
  });
  if (values.length < 2) return html`<span class="muted">${label}: not enough samples yet</span>`;
  const first = (values[0] as { t: number }).t;
  const span = Math.max(1, (values[values.length - 1] as { t: number }).t - first);
  const low = Math.min(...values.map((v) => v.value));
  const high = Math.max(...values.map((v) => v.value));
  const range = Math.max(1, high - low);
  const coords = values
    .map(
      (v) =>
        `${(((v.t - first) / span) * WIDTH).toFixed(1)},${(HEIGHT - ((v.value - low) / range) * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  return html`<svg class="trend" viewBox="0 -1 ${WIDTH} ${HEIGHT + 2}" role="img" aria-label="${label}"><polyline points="${coords}"/></svg>`;
}
