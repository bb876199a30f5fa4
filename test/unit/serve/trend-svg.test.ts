import { describe, expect, it } from 'vitest';
import { trendSvg } from '../../../src/serve/page/trend-svg.js';

const measure = { word: 'restarts', pick: (p: { restarts: number | null }) => p.restarts, format: String };

describe('trendSvg', () => {
  it('draws a polyline over the points with the low and high beside it', () => {
    const points = [0, 1, 4].map((restarts, i) => ({ t: i * 300_000, memory: null, restarts }));
    const svg = String(trendSvg(points, measure, 'restarts of hub-cloud.service'));
    expect(svg).toContain('<polyline points="0.0,22.0 60.0,16.5 120.0,0.0"/>');
    expect(svg).toContain('aria-label="restarts of hub-cloud.service"');
    expect(svg).toContain('restarts 0-4');
  });

  it('says it is still collecting with fewer than two values', () => {
    const svg = String(trendSvg([{ t: 0, memory: null, restarts: null }], measure, 'x'));
    expect(svg).toContain('restarts: collecting');
  });
});
