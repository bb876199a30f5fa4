// The fleet page: filters, counts by state, and a grid of hosts (by customer) x services.
import { html } from 'hono/html';
import { sweepSummary } from '../sweep-record.js';
import type { FleetSnapshot, HostView } from '../types.js';
import { type FilterChoices, type GridFilters, passes } from './filters.js';
import { layout } from './layout.js';
import { stateBadge } from './state-badge.js';
import { unitCell } from './unit-cell.js';

function select(name: string, label: string, values: readonly string[], selected: string | undefined) {
  return html`<label>${label}<select name="${name}"><option value="">all</option>${values.map(
    (value) => html`<option value="${value}"${value === selected ? ' selected' : ''}>${value}</option>`,
  )}</select></label>`;
}

function filterForm(choices: FilterChoices, filters: GridFilters) {
  return html`<form class="filters" method="get" action="/">
${select('customer', 'customer', choices.customers, filters.customer)}
${select('group', 'group', choices.groups, filters.group)}
${select('state', 'state', choices.states, filters.state)}
<button type="submit">filter</button> <a href="/">clear</a></form>`;
}

function hostRow(view: HostView, units: readonly string[]) {
  const byUnit = new Map(view.units.map((unit) => [unit.unit, unit]));
  const drift = view.findings.length === 0 ? 'no drift' : `${view.findings.length} drift findings`;
  const detail = view.error ?? drift;
  return html`<tr data-host="${view.host}" data-state="${view.state}">
<th scope="row"><a href="/host/${encodeURIComponent(view.host)}">${view.host}</a><div class="muted">${view.display_name}</div></th>
<td class="s-${view.state}">${stateBadge(view.state)}<div class="muted">${detail}</div></td>
${units.map((name) => {
  const unit = byUnit.get(name);
  return unit ? unitCell(unit) : html`<td class="muted">-</td>`;
})}</tr>`;
}

/** The fleet grid for these filters. */
export function gridPage(snapshot: FleetSnapshot, choices: FilterChoices, filters: GridFilters) {
  const shown = snapshot.hosts.filter((view) => passes(view, filters));
  const units = [...new Set(snapshot.hosts.flatMap((view) => view.units.map((unit) => unit.unit)))];
  const summary = sweepSummary(snapshot.hosts);
  const counts = (['healthy', 'drifted', 'unhealthy', 'unreachable', 'error', 'pending'] as const)
    .filter((state) => summary[state] > 0)
    .map((state) => html`<a href="/?state=${state}">${stateBadge(state)} ${summary[state]}</a>`);
  return layout(
    'fleet',
    snapshot,
    html`<h1>Fleet: ${summary.hosts} hosts</h1>
<div class="summary">${counts}</div>
${filterForm(choices, filters)}
<div class="scroll"><table id="grid">
<caption class="muted">${shown.length} of ${summary.hosts} hosts shown</caption>
<thead><tr><th scope="col">host</th><th scope="col">state</th>${units.map((unit) => html`<th scope="col">${unit}</th>`)}</tr></thead>
<tbody>${shown.map((view) => hostRow(view, units))}</tbody>
</table></div>`,
  );
}
