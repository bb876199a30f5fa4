// /metrics: the fleet's last sweep in Prometheus text format (version 0.0.4), one family at a time.
import { FINDING_KINDS } from '../drift/types.js';
import { parseMemoryBytes } from './memory.js';
import type { FleetSnapshot, HostView, UnitView } from './types.js';

type Labels = Record<string, string>;

// A label value with backslash, double quote and newline escaped, as the format asks.
function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function sample(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([key, text]) => `${key}="${labelValue(text)}"`);
  return `${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${value}`;
}

interface Family {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  samples: string[];
}

// A family of values that go up and down.
function gauge(name: string, help: string): Family {
  return { name, type: 'gauge', help, samples: [] };
}

// A family of counts that only grow.
function counter(name: string, help: string): Family {
  return { name, type: 'counter', help, samples: [] };
}

function unitLabels(host: HostView, unit: UnitView): Labels {
  return { host: host.host, customer: host.customer, unit: unit.unit };
}

/** The exposition of a snapshot; hosts never read have `up` 0 and no unit samples. */
export function metricsText(snapshot: FleetSnapshot): string {
  const up = gauge('hfleet_host_up', 'Whether the last sweep read the host (1) or not (0).');
  const active = gauge('hfleet_unit_active', 'Whether the unit is active (1) or not (0).');
  const healthy = gauge('hfleet_unit_healthy', 'Whether the unit is healthy (1) or not (0).');
  const crash = gauge('hfleet_unit_crash_loop', 'Whether the unit is crash-looping (1) or not (0).');
  const masked = gauge('hfleet_unit_masked', 'Whether the unit is masked (1) or not (0).');
  const http = gauge('hfleet_unit_http_status', 'HTTP status of the unit health endpoint (0: no answer).');
  const memory = gauge('hfleet_unit_memory_bytes', 'Memory the unit uses (MemoryCurrent).');
  const memoryMax = gauge('hfleet_unit_memory_max_bytes', 'The unit MemoryMax, when it is a number.');
  const restarts = counter('hfleet_unit_restarts_total', 'Automatic restarts of the unit (NRestarts).');
  const findings = gauge('hfleet_host_drift_findings', 'Drift findings on the host, by kind.');
  for (const host of snapshot.hosts) {
    const read = host.checked_at !== null && host.state !== 'unreachable' && host.state !== 'error';
    up.samples.push(sample(up.name, { host: host.host, customer: host.customer }, read ? 1 : 0));
    if (!read) continue;
    for (const unit of host.units) {
      const labels = unitLabels(host, unit);
      active.samples.push(sample(active.name, labels, unit.active === 'active' ? 1 : 0));
      healthy.samples.push(sample(healthy.name, labels, unit.state === 'healthy' ? 1 : 0));
      crash.samples.push(sample(crash.name, labels, unit.state === 'crash-loop' ? 1 : 0));
      masked.samples.push(sample(masked.name, labels, unit.masked ? 1 : 0));
      if (unit.health !== null) http.samples.push(sample(http.name, labels, unit.health));
      if (unit.memory_bytes !== null) memory.samples.push(sample(memory.name, labels, unit.memory_bytes));
      const max = parseMemoryBytes(unit.memory_max);
      if (max !== null) memoryMax.samples.push(sample(memoryMax.name, labels, max));
      if (unit.restarts !== null) restarts.samples.push(sample(restarts.name, labels, unit.restarts));
    }
    for (const kind of FINDING_KINDS) {
      const count = host.findings.filter((finding) => finding.kind === kind).length;
      findings.samples.push(sample(findings.name, { host: host.host, customer: host.customer, kind }, count));
    }
  }
  const duration = gauge('hfleet_sweep_duration_seconds', 'How long the last sweep took.');
  duration.samples.push(sample(duration.name, {}, snapshot.seconds));
  const sweeps = counter('hfleet_sweeps_total', 'Sweeps finished since serve started.');
  sweeps.samples.push(sample(sweeps.name, {}, snapshot.sweep));
  const all = [
    up,
    active,
    healthy,
    crash,
    masked,
    http,
    memory,
    memoryMax,
    restarts,
    findings,
    duration,
    sweeps,
  ];
  return `${all
    .map((f) => [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.samples].join('\n'))
    .join('\n')}\n`;
}
