// Each state as a symbol, a word and a colour class together: never colour alone.
import { html } from 'hono/html';
import type { HostState } from '../types.js';
import type { UnitHealth } from '../unit-health.js';

const SYMBOLS: Record<HostState | UnitHealth, string> = {
  healthy: '✓',
  drifted: '△',
  unhealthy: '✗',
  'crash-loop': '↻',
  stopped: '■',
  masked: '⊘',
  unreachable: '⚠',
  error: '⚠',
  pending: '…',
};

/** A badge for a host or unit state: `<span class="badge s-crash-loop">↻ crash-loop</span>`. */
export function stateBadge(state: HostState | UnitHealth) {
  return html`<span class="badge s-${state}"><span aria-hidden="true">${SYMBOLS[state]}</span> ${state}</span>`;
}
