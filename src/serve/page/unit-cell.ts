// One unit as a grid cell or a host-page row: state, HTTP code, memory against MemoryMax, restarts, uptime.
import { html } from 'hono/html';
import { shortBytes, shortDuration } from '../../report/status-human.js';
import { parseMemoryBytes } from '../memory.js';
import type { UnitView } from '../types.js';
import { stateBadge } from './state-badge.js';

/** Memory as text and, when MemoryMax is a number, a bar (a <meter>, so readers hear the fraction too). */
export function memoryBar(unit: UnitView) {
  if (unit.memory_bytes === null) return html`<span class="muted">memory -</span>`;
  const max = parseMemoryBytes(unit.memory_max);
  const text = `${shortBytes(unit.memory_bytes)}${max === null ? '' : ` / ${shortBytes(max)}`}`;
  if (max === null) return html`<span>${text}</span>`;
  return html`<span class="mem"><meter min="0" max="${max}" low="${max * 0.7}" high="${max * 0.9}" optimum="0" value="${Math.min(unit.memory_bytes, max)}">${text}</meter> ${text}</span>`;
}

/** The small facts under a unit's state. */
export function unitFacts(unit: UnitView) {
  const http = unit.probe ?? '';
  const uptime = unit.uptime_sec === null ? 'not running' : `up ${shortDuration(unit.uptime_sec)}`;
  const reason = unit.reason ? html`<span class="reason">${unit.reason}</span>` : '';
  return html`<span class="facts">${reason}${http ? html`<span>${http}</span>` : ''}<span>restarts ${unit.restarts ?? '-'}</span><span>${uptime}</span></span>`;
}

/** A grid cell for one unit of one host. */
export function unitCell(unit: UnitView) {
  return html`<td class="cell s-${unit.state}" data-unit="${unit.unit}" data-state="${unit.state}">${stateBadge(unit.state)} ${memoryBar(unit)} ${unitFacts(unit)}</td>`;
}
