// A host's page: its services, drift findings with diffs, journal lines on demand, trends and its runs.
import { html } from 'hono/html';
import type { Finding } from '../../drift/types.js';
import type { RunRecord } from '../../history/types.js';
import { summaryWords } from '../../report/history-human.js';
import { shortBytes } from '../../report/status-human.js';
import type { TrendBook } from '../trend.js';
import type { FleetSnapshot, HostView, UnitView } from '../types.js';
import { layout } from './layout.js';
import { stateBadge } from './state-badge.js';
import { type TrendMeasure, trendSvg } from './trend-svg.js';

const MEMORY: TrendMeasure = { word: 'memory', pick: (point) => point.memory, format: shortBytes };
const RESTARTS: TrendMeasure = { word: 'restarts', pick: (point) => point.restarts, format: String };

import { memoryBar, unitFacts } from './unit-cell.js';

function diffBlock(diff: string) {
  const lines = diff.split('\n').map((line) => {
    const kind =
      line.startsWith('+') && !line.startsWith('+++')
        ? 'diff-add'
        : line.startsWith('-') && !line.startsWith('---')
          ? 'diff-del'
          : '';
    return html`<span class="${kind}">${line}</span>\n`;
  });
  return html`<details><summary>diff</summary><pre>${lines}</pre></details>`;
}

function findingItem(finding: Finding) {
  return html`<li data-kind="${finding.kind}"><strong>${finding.kind}</strong> ${finding.detail}${
    finding.fix
      ? html`<div class="muted">apply: ${finding.fix}</div>`
      : html`<div class="muted">apply leaves this alone</div>`
  }${finding.diff ? diffBlock(finding.diff) : ''}</li>`;
}

function unitRow(view: HostView, unit: UnitView, trends: TrendBook) {
  const logsUrl = `/host/${encodeURIComponent(view.host)}/logs?unit=${encodeURIComponent(unit.unit)}`;
  const points = trends.series(view.host, unit.unit);
  return html`<tr class="s-${unit.state}" data-unit="${unit.unit}" data-state="${unit.state}">
<th scope="row">${unit.unit}</th><td>${stateBadge(unit.state)} <span class="muted">${unit.active}/${unit.sub}</span></td>
<td>${memoryBar(unit)} ${unitFacts(unit)}</td>
<td>${trendSvg(points, MEMORY, `memory of ${unit.unit}, last 24 h`)} ${trendSvg(points, RESTARTS, `restarts of ${unit.unit}, last 24 h`)}</td>
<td><button type="button" data-logs="${logsUrl}" aria-controls="journal">journal</button> <a href="${logsUrl}">as text</a></td></tr>`;
}

// The host's part that updates live: state, services, findings.
function liveHost(view: HostView, trends: TrendBook) {
  const checked = view.checked_at
    ? `read ${view.checked_at.slice(0, 19).replace('T', ' ')} UTC`
    : 'not read yet';
  return html`<h1>${view.host} <span class="muted">${view.display_name} (${view.customer})</span></h1>
<p>${stateBadge(view.state)} ${checked}${view.error ? html` · <span role="alert">${view.error}</span>` : ''}</p>
<h2>Services</h2>
<div class="scroll"><table id="units"><thead><tr><th scope="col">unit</th><th scope="col">state</th><th scope="col">memory, restarts, uptime</th><th scope="col">24 h: memory, restarts</th><th scope="col">journal</th></tr></thead>
<tbody>${view.units.map((unit) => unitRow(view, unit, trends))}</tbody></table></div>
<h2>Drift</h2>
${view.findings.length === 0 ? html`<p>${stateBadge('healthy')} no drift</p>` : html`<ul id="findings">${view.findings.map(findingItem)}</ul>`}`;
}

function lastApply(runs: readonly RunRecord[], host: string) {
  const apply = [...runs].reverse().find((run) => run.kind === 'apply');
  if (!apply) return html`<p>No apply of this host recorded on this machine.</p>`;
  const entry = (
    apply.document as { hosts?: { host: string; status: string; changes: { action: string }[] }[] }
  )?.hosts?.find((result) => result.host === host);
  const changes = entry?.changes.map((change) => change.action) ?? [];
  return html`<p id="last-apply">Last apply: <strong>${apply.who}</strong>, ${apply.at.slice(0, 19).replace('T', ' ')} UTC, ${entry?.status ?? 'unknown'}${
    changes.length
      ? html`: <ul>${changes.map((action) => html`<li>${action}</li>`)}</ul>`
      : ', nothing changed'
  }</p>`;
}

/** The whole host page; `runs` are the host's recorded runs, oldest first. */
export function hostPage(
  snapshot: FleetSnapshot,
  view: HostView,
  trends: TrendBook,
  runs: readonly RunRecord[],
) {
  const recent = runs
    .filter((run) => run.kind !== 'sweep')
    .slice(-10)
    .reverse();
  return layout(
    view.host,
    snapshot,
    liveHost(view, trends),
    html`<section><h2>Journal</h2><pre id="journal" aria-live="polite">Press a service's journal button for its last lines.</pre></section>
<section id="history">
<h2>History</h2>
${lastApply(runs, view.host)}
<table><thead><tr><th scope="col">when (UTC)</th><th scope="col">run</th><th scope="col">who</th><th scope="col">exit</th><th scope="col">summary</th></tr></thead>
<tbody>${recent.map((run) => html`<tr><td>${run.at.slice(0, 19).replace('T', ' ')}</td><td>${run.kind}</td><td>${run.who}</td><td>${run.exit_code}</td><td>${summaryWords(run.document)}</td></tr>`)}</tbody></table>
</section>`,
  );
}
