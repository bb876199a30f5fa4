// The page frame: head, styles, header with the last sweep, and the live-update script.
import { html, raw } from 'hono/html';
import type { FleetSnapshot } from '../types.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { PAGE_STYLE } from './page-style.js';

/** A whole HTML page; `live` is the part the script replaces after each sweep, `after` stays as loaded. */
export function layout(title: string, snapshot: FleetSnapshot, live: unknown, after: unknown = '') {
  const last = snapshot.at === null ? 'first sweep running' : `swept ${snapshot.at.slice(11, 19)} UTC`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} · hfleet</title>
<style>${raw(PAGE_STYLE)}</style>
</head>
<body>
<header><a href="/" class="home">hfleet</a> <span id="sweep" data-sweep="${snapshot.sweep}">${last} (${snapshot.seconds.toFixed(2)} s)</span> <span id="live-state" role="status">live</span></header>
<main><div id="live">${live}</div>${after}</main>
<script>${raw(CLIENT_SCRIPT)}</script>
</body>
</html>`;
}
