// The page's styles: a table that scrolls sideways on a phone, states with colour plus symbol plus word.

/** Inlined into every page (no second request, nothing to serve from disk). */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --off: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; }
header { display: flex; gap: 1em; align-items: baseline; flex-wrap: wrap; padding: .6em 1em; border-bottom: 1px solid var(--line); }
header .home { font-weight: 700; font-size: 1.1em; }
main { padding: 1em; }
a { color: inherit; }
a:focus-visible, button:focus-visible, select:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
h1 { font-size: 1.3em; margin: 0 0 .5em; }
h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
form.filters { display: flex; gap: .8em; flex-wrap: wrap; align-items: end; margin-bottom: 1em; }
form.filters label { display: flex; flex-direction: column; font-size: .85em; }
.summary { display: flex; gap: .6em; flex-wrap: wrap; margin-bottom: 1em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; min-width: 100%; }
th, td { border: 1px solid var(--line); padding: .35em .5em; text-align: left; vertical-align: top; }
th { font-weight: 600; white-space: nowrap; }
.cell { min-width: 10em; }
.badge { font-weight: 600; white-space: nowrap; }
.s-healthy .badge, .badge.s-healthy { color: var(--ok); }
.s-drifted .badge, .badge.s-drifted, .s-pending .badge, .badge.s-pending { color: var(--warn); }
.s-unhealthy .badge, .badge.s-unhealthy, .s-crash-loop .badge, .badge.s-crash-loop,
.s-unreachable .badge, .badge.s-unreachable, .s-error .badge, .badge.s-error { color: var(--bad); }
.s-stopped .badge, .badge.s-stopped, .s-masked .badge, .badge.s-masked { color: var(--off); }
td.s-crash-loop, td.s-unhealthy, td.s-stopped, td.s-masked { background: color-mix(in srgb, var(--bad) 8%, transparent); }
.facts { display: flex; gap: .6em; flex-wrap: wrap; font-size: .85em; }
.mem { display: block; font-size: .85em; }
meter { width: 6em; vertical-align: middle; }
.muted { opacity: .7; font-size: .85em; }
pre { overflow-x: auto; background: color-mix(in srgb, var(--line) 30%, transparent); padding: .5em; font-size: .85em; }
.diff-add { color: var(--ok); } .diff-del { color: var(--bad); }
svg.trend { width: 12em; height: 2.2em; vertical-align: middle; }
svg.trend polyline { fill: none; stroke: currentColor; stroke-width: 1.5; }
button { font: inherit; padding: .2em .6em; }
@media (max-width: 40em) { main { padding: .5em; } .cell { min-width: 8em; } }
`;
