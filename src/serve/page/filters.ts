// The grid's filters from the query string (customer, group, state); an unknown value is a bad request.
import type { Host } from '../../inventory/types.js';
import type { HostState, HostView } from '../types.js';

const HOST_STATES: readonly HostState[] = [
  'healthy',
  'drifted',
  'unhealthy',
  'unreachable',
  'error',
  'pending',
];

/** The selected filters (undefined: all). */
export interface GridFilters {
  customer: string | undefined;
  group: string | undefined;
  state: HostState | undefined;
}

/** What the filter form offers. */
export interface FilterChoices {
  customers: string[];
  groups: string[];
  states: readonly HostState[];
}

/** The values each filter may take, from the watched hosts. */
export function filterChoices(hosts: readonly Host[]): FilterChoices {
  const customers = [...new Set(hosts.map((host) => host.customer))];
  const groups = [...new Set(hosts.flatMap((host) => host.groups))].sort();
  return { customers, groups, states: HOST_STATES };
}

/** The filters of a request, or the one-line reason it is refused. */
export function parseFilters(
  query: (name: string) => string | undefined,
  choices: FilterChoices,
): GridFilters | { error: string } {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined | { error: string } => {
    const value = query(name);
    if (value === undefined || value === '') return undefined;
    return allowed.includes(value as T) ? (value as T) : { error: `unknown ${name} '${value}'` };
  };
  const customer = pick('customer', choices.customers);
  const group = pick('group', choices.groups);
  const state = pick('state', choices.states);
  for (const value of [customer, group, state]) if (typeof value === 'object') return value;
  return {
    customer: customer as string | undefined,
    group: group as string | undefined,
    state: state as HostState | undefined,
  };
}

/** True when the host passes every filter. */
export function passes(view: HostView, filters: GridFilters): boolean {
  if (filters.customer !== undefined && view.customer !== filters.customer) return false;
  if (filters.group !== undefined && !view.groups.includes(filters.group)) return false;
  return filters.state === undefined || view.state === filters.state;
}
