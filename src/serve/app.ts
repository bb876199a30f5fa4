// serve's routes: the grid, host pages, journal lines, /events (SSE), /metrics and /api/fleet; GET only.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { errorMessage } from '../errors.js';
import type { HistoryStore } from '../history/store.js';
import { journalArgv } from '../logs/journal.js';
import type { FleetWatch } from './fleet-watch.js';
import { LiveClients } from './live-clients.js';
import { metricsText } from './metrics.js';
import { filterChoices, parseFilters } from './page/filters.js';
import { gridPage } from './page/grid-page.js';
import { hostPage } from './page/host-page.js';
import { securityHeaders } from './security-headers.js';
import { tokenGuard } from './token-guard.js';

/** What the routes serve from. */
export interface ServeAppOptions {
  watch: FleetWatch;
  history: HistoryStore | undefined;
  /** Every request must carry it (bearer, cookie or ?token=) when set. */
  token: string | undefined;
  /** Open event streams allowed at once. */
  maxLiveClients: number;
}

/** Journal lines shown when none are asked for, and the most that may be asked for. */
export const JOURNAL_LINES = { default: 50, max: 1000 } as const;
const JOURNAL_TIMEOUT_MS = 15_000;
const HISTORY_DAYS_SHOWN = 7;

/** The Hono app; it only reads (nothing it serves can change a host). */
export function serveApp(options: ServeAppOptions): Hono {
  const { watch, history } = options;
  const app = new Hono();
  const choices = filterChoices(watch.hosts);
  const live = new LiveClients(options.maxLiveClients);
  const viewOf = (name: string) => watch.snapshot.hosts.find((view) => view.host === name);

  app.use(securityHeaders);
  if (options.token !== undefined) app.use(tokenGuard(options.token));
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', (c) => c.text('hfleet serve only reads\n', 405));

  app.get('/', (c) => {
    const filters = parseFilters((name) => c.req.query(name), choices);
    if ('error' in filters) return c.text(`${filters.error}\n`, 400);
    return c.html(gridPage(watch.snapshot, choices, filters));
  });

  app.get('/host/:name', (c) => {
    const view = viewOf(c.req.param('name'));
    if (!view) return c.text(`unknown host '${c.req.param('name')}'\n`, 404);
    const sinceMs = Date.now() - HISTORY_DAYS_SHOWN * 86_400_000;
    const runs =
      history?.list({ host: view.host, sinceMs, kinds: ['apply', 'drift', 'restart', 'status'] }) ?? [];
    return c.html(hostPage(watch.snapshot, view, watch.trends, runs));
  });

  app.get('/host/:name/logs', async (c) => {
    const view = viewOf(c.req.param('name'));
    if (!view) return c.text(`unknown host '${c.req.param('name')}'\n`, 404);
    const unit = c.req.query('unit');
    if (!view.units.some((known) => known.unit === unit))
      return c.text(
        `unit: name one of ${view.host}'s services (${view.units.map((u) => u.unit).join(', ')})\n`,
        400,
      );
    const linesText = c.req.query('lines') ?? String(JOURNAL_LINES.default);
    const lines = Number(linesText);
    if (!/^\d+$/.test(linesText) || lines < 1 || lines > JOURNAL_LINES.max)
      return c.text(`lines: a whole number from 1 to ${JOURNAL_LINES.max}\n`, 400);
    const link = watch.links.get(view.host);
    if (!link?.connected) return c.text(`${view.host} is not connected right now\n`, 503);
    try {
      const result = await link.exec(journalArgv(unit as string, lines, false), JOURNAL_TIMEOUT_MS);
      return c.text(result.stdout || result.stderr || 'no journal lines\n');
    } catch (error) {
      return c.text(`${errorMessage(error)}\n`, 502);
    }
  });

  app.get('/events', (c) => {
    if (!live.enter()) return c.text(`too many live clients (${live.limit}); try again later\n`, 429);
    return streamSSE(c, async (stream) => {
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      const unsubscribe = watch.subscribe((snapshot) => {
        const data = JSON.stringify({ sweep: snapshot.sweep, at: snapshot.at });
        void stream.writeSSE({ event: 'sweep', id: String(snapshot.sweep), data });
      });
      try {
        await stream.writeSSE({ event: 'hello', data: JSON.stringify({ sweep: watch.snapshot.sweep }) });
        await closed;
      } finally {
        unsubscribe();
        live.leave();
      }
    });
  });

  app.get('/metrics', (c) =>
    c.body(metricsText(watch.snapshot), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );
  app.get('/api/fleet', (c) => c.json(watch.snapshot));
  app.notFound((c) => c.text(`not found: ${new URL(c.req.url).pathname}\n`, 404));
  app.onError((error, c) => c.text(`internal error: ${errorMessage(error)}\n`, 500));
  return app;
}
