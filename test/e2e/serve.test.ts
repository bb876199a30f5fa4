// hfleet serve in a real browser (Debian's chromium) against the lab: the grid follows the hosts live.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadPlannedFleet } from '../../src/fleet/fleet-input.js';
import { HistoryStore } from '../../src/history/store.js';
import { labExec, resetLabHost } from '../../src/lab/index.js';
import { parseListen } from '../../src/serve/listen-address.js';
import { type RunningServe, type ServeOptions, startServe } from '../../src/serve/start-serve.js';
import { TrendLog } from '../../src/serve/trend-log.js';
import { ensureDebianPackages } from '../support/debian-packages.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { hfleet, labInventory } from './support/fleet.js';

const HOSTS = ['acme-1', 'globex-1', 'initech-1'];
const INTERVAL_MS = 2000;
/** Screenshots land here (ignored by git) so a failed run can be looked at. */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/serve');
const CRASH_DROPIN = '/etc/systemd/system/hub-scheduler.service.d/zz-crash.conf';

// The state each host row and unit cell of the grid shows, read from the live DOM.
function gridStates(page: Page) {
  return page.$$eval('#grid tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-host'),
        {
          state: row.getAttribute('data-state'),
          units: Object.fromEntries(
            [...row.querySelectorAll('td[data-unit]')].map((cell) => [
              cell.getAttribute('data-unit'),
              cell.getAttribute('data-state'),
            ]),
          ),
        },
      ]),
    ),
  );
}

function shownSweep(page: Page): Promise<number> {
  return page.$eval('#sweep', (node) => Number(node.getAttribute('data-sweep')));
}

describeWithLab('hfleet serve in a browser', () => {
  let chromiumSkip = '';
  let running: RunningServe | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let stateDir: string;
  let inventory: string;
  let serveOptions: ServeOptions;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const outcome = await ensureDebianPackages(['chromium']);
    if (!outcome.ok) {
      chromiumSkip = outcome.reason;
      return;
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    const lab = requireLabState();
    for (const host of HOSTS) await resetLabHost(host);
    // globex gets a MemoryMax of its own, so its services carry a local.conf drop-in to edit.
    inventory = labInventory(lab, { globex: { vars: { memory_max: '800M' } } });
    expect(hfleet(['apply', inventory, '--json']).code).toBe(0);
    // hub-scheduler on initech-1 fails at once and systemd restarts it forever: a crash loop.
    await labExec(
      'initech-1',
      `mkdir -p ${path.dirname(CRASH_DROPIN)} && printf '[Unit]\\nStartLimitIntervalSec=0\\n[Service]\\nExecStart=\\nExecStart=/bin/false\\nRestart=always\\nRestartSec=1\\n' > ${CRASH_DROPIN} && systemctl daemon-reload && systemctl restart hub-scheduler.service`,
    );
    stateDir = mkdtempSync(path.join(tmpdir(), 'hfleet-serve-e2e-'));
    const fleet = loadPlannedFleet(inventory, undefined);
    serveOptions = {
      fleet,
      listen: parseListen('127.0.0.1:0'),
      token: undefined,
      intervalMs: INTERVAL_MS,
      forks: undefined,
      history: new HistoryStore(path.join(stateDir, 'history'), 30),
      trendLog: new TrendLog(path.join(stateDir, 'trends')),
      maxLiveClients: 8,
      onWarning: () => undefined,
    };
    running = await startServe(serveOptions);
    browser = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
    if (inventory) rmSync(path.dirname(inventory), { recursive: true, force: true });
    if (chromiumSkip) return;
    for (const host of HOSTS) await resetLabHost(host);
  }, 300_000);

  it('shows each host and service in its state, the crash loop as such', async ({ skip }) => {
    if (chromiumSkip) skip(chromiumSkip);
    const serve = running as RunningServe;
    while (serve.watch.snapshot.sweep < 2) await new Promise((resolve) => setTimeout(resolve, 200));
    await page.goto(serve.url, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'grid-start.png'), fullPage: true });
    const states = await gridStates(page);
    expect(Object.keys(states)).toEqual(HOSTS);
    for (const host of ['acme-1', 'globex-1']) {
      expect(states[host]?.state).toBe('healthy');
      expect(Object.values(states[host]?.units ?? {})).toEqual(['healthy', 'healthy', 'healthy', 'healthy']);
    }
    expect(states['initech-1']?.units['hub-scheduler.service']).toBe('crash-loop');
    expect(states['initech-1']?.units['hub-platform.service']).toBe('healthy');
    expect(states['initech-1']?.state).toBe('unhealthy');
    const cellText = await page.$eval(
      'tr[data-host="initech-1"] td[data-unit="hub-scheduler.service"] .badge',
      (node) => node.textContent,
    );
    expect(cellText).toContain('crash-loop');
  });

  it('turns the cells of a stopped service and an edited drop-in within one interval, without a reload', async ({
    skip,
  }) => {
    if (chromiumSkip) skip(chromiumSkip);
    const serve = running as RunningServe;
    await labExec('acme-1', 'systemctl stop hub-platform.service');
    await labExec(
      'globex-1',
      "printf '# edited by hand\\n' >> /etc/systemd/system/hub-cloud.service.d/local.conf",
    );
    const changedDuring = serve.watch.snapshot.sweep;
    await page.waitForFunction(
      `document.querySelector('tr[data-host="acme-1"] td[data-unit="hub-platform.service"]')?.getAttribute('data-state') === 'stopped'
       && document.querySelector('tr[data-host="globex-1"]')?.getAttribute('data-state') === 'drifted'`,
      { timeout: 6 * INTERVAL_MS + 10_000 },
    );
    // The sweep running when the hosts changed may have read them before; the next one must show it.
    expect(await shownSweep(page)).toBeLessThanOrEqual(changedDuring + 2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'grid-changed.png'), fullPage: true });
    const states = await gridStates(page);
    expect(states['acme-1']?.state).toBe('unhealthy');
    expect(states['globex-1']?.units['hub-cloud.service']).toBe('healthy');
  });

  it('shows a host page with its finding, the diff, and journal lines on demand', async ({ skip }) => {
    if (chromiumSkip) skip(chromiumSkip);
    const serve = running as RunningServe;
    await page.goto(`${serve.url}host/globex-1`, { waitUntil: 'load' });
    const kinds = await page.$$eval('#findings li', (items) =>
      items.map((item) => item.getAttribute('data-kind')),
    );
    expect(kinds).toContain('changed');
    expect(await page.$eval('#findings pre', (node) => node.textContent)).toContain('-# edited by hand');
    await page.click('tr[data-unit="hub-cloud.service"] button[data-logs]');
    await page.waitForFunction(
      "/hub-cloud|Started|Starting/.test(document.querySelector('#journal')?.textContent ?? '')",
      { timeout: 20_000 },
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'host-page.png'), fullPage: true });
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(serve.url, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'grid-phone.png'), fullPage: true });
  });

  it('answers bad requests with a 4xx and keeps sweeping', async ({ skip }) => {
    if (chromiumSkip) skip(chromiumSkip);
    const serve = running as RunningServe;
    const before = serve.watch.snapshot.sweep;
    expect((await fetch(`${serve.url}host/nobody`)).status).toBe(404);
    expect((await fetch(`${serve.url}host/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${serve.url}host/acme-1/logs?unit=ssh.service`)).status).toBe(400);
    expect((await fetch(`${serve.url}?customer=nobody`)).status).toBe(400);
    expect((await fetch(serve.url, { method: 'DELETE' })).status).toBe(405);
    const floods = await Promise.all(Array.from({ length: 12 }, () => fetch(`${serve.url}events`)));
    expect(floods.filter((response) => response.status === 429).length).toBeGreaterThan(0);
    for (const response of floods) await response.body?.cancel();
    while (serve.watch.snapshot.sweep < before + 2) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(serve.watch.snapshot.hosts.map((host) => host.state)).not.toContain('error');
  });

  it('a restarted serve shows the trends the earlier one saw', async ({ skip }) => {
    if (chromiumSkip) skip(chromiumSkip);
    const earlier = running as RunningServe;
    const series = (serve: RunningServe) =>
      Object.fromEntries(HOSTS.map((host) => [host, serve.watch.trends.series(host, 'hub-cloud.service')]));
    // Off the page first, so the browser never sees its event stream cut. What it saw is taken before it
    // stops (a sweep still running then may add a point after the open bucket was kept).
    await page.goto('about:blank');
    const seen = series(earlier);
    await earlier.stop();
    for (const host of HOSTS) expect(seen[host]?.length).toBeGreaterThan(0);
    running = undefined;
    running = await startServe(serveOptions);
    const restarted = running;
    while (restarted.watch.snapshot.sweep < 1) await new Promise((resolve) => setTimeout(resolve, 200));
    const now = series(restarted);
    for (const host of HOSTS) {
      // Every bucket the earlier serve saw is there again (the one it stopped in may have grown since).
      const times = new Set(now[host]?.map((point) => point.t));
      for (const point of seen[host] ?? []) expect(times.has(point.t)).toBe(true);
    }
    await page.goto(`${restarted.url}host/acme-1`, { waitUntil: 'load' });
    const trendCells = await page.$$eval('tr[data-unit="hub-cloud.service"] [data-trend-points]', (nodes) =>
      nodes.map((node) => Number(node.getAttribute('data-trend-points'))),
    );
    // Memory and restarts: at least one of them drawn from every bucket seen before the restart.
    expect(trendCells.length).toBe(2);
    expect(Math.max(...trendCells)).toBeGreaterThanOrEqual(seen['acme-1']?.length ?? 1);
  });

  it('logged no console error in the browser', ({ skip }) => {
    if (chromiumSkip) skip(chromiumSkip);
    expect(consoleErrors).toEqual([]);
  });
});
