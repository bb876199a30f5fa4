// Every drift finding of one host, from its resolved tasks and its facts (pure: no I/O).
import type { HostFacts } from '../facts/types.js';
import type { ResolvedFileTask, ResolvedServiceTask, ResolvedTask } from '../playbook/types.js';
import { tasksSparing } from '../tasks/masked.js';
import { planHost } from '../tasks/plan-host.js';
import type { HostPlan } from '../tasks/plan-types.js';
import { unmanagedDropinFindings } from './dropin-findings.js';
import { fileFindings } from './file-findings.js';
import { type IntendedUnit, propertyFindings } from './property-findings.js';
import {
  reloadPendingFindings,
  restartPendingFindings,
  serviceStateFindings,
  unhealthyFindings,
  wantedStates,
} from './state-findings.js';
import type { Finding } from './types.js';

/** What drift knows about a host beyond its facts. */
export interface DriftContext {
  /** Drop-in file names hfleet leaves alone (the host's `known_dropins`). */
  knownDropins: readonly string[];
  /** The text of each file in the managed `.d/` directories, by path. */
  dropinTexts: ReadonlyMap<string, string>;
}

function fileTasks(tasks: readonly ResolvedTask[]): ResolvedFileTask[] {
  return tasks.filter((task): task is ResolvedFileTask => ['unit', 'dropin', 'file'].includes(task.module));
}

// The intended files of each managed service: rendered unit, hfleet's drop-ins, the known drop-ins found.
function intendedUnits(tasks: readonly ResolvedTask[], context: DriftContext): IntendedUnit[] {
  const files = fileTasks(tasks);
  return files.flatMap((task): IntendedUnit[] => {
    if (task.module !== 'unit' || task.content === null || !task.unit?.endsWith('.service')) return [];
    const dir = `${task.path}.d/`;
    const ours = files.filter((f) => f.module === 'dropin' && f.unit === task.unit && f.content !== null);
    const known = [...context.dropinTexts]
      .filter(([path]) => path.startsWith(dir) && context.knownDropins.includes(path.slice(dir.length)))
      .filter(([path]) => !ours.some((f) => f.path === path));
    return [
      {
        unit: task.unit,
        file: { path: task.path, content: task.content },
        dropins: [
          ...ours.map((f) => ({ path: f.path, content: f.content ?? '' })),
          ...known.map(([path, content]) => ({ path, content })),
        ],
      },
    ];
  });
}

// The fix apply would make for a finding whose remedy depends on the plan (properties, reload, restart).
function withPlanFix(finding: Finding, plan: HostPlan): Finding {
  const unit = finding.unit ?? '';
  const rewritten = plan.files.some((file) => file.restarts.includes(unit));
  if (finding.kind === 'property') {
    const restart = plan.restart.includes(unit) ? `restart ${unit}` : '';
    if (rewritten)
      return { ...finding, fix: ['rewrite its files, daemon-reload', restart].filter(Boolean).join(', ') };
    if (restart) return { ...finding, fix: restart };
    return { ...finding, detail: `${finding.detail} (not from hfleet's files: an unmanaged drop-in?)` };
  }
  if (finding.kind === 'restart-pending' && !plan.restart.includes(unit)) return { ...finding, fix: null };
  const startOrRestart = plan.restart.includes(unit) || plan.start.includes(unit);
  if (['unhealthy', 'crash-loop', 'failed'].includes(finding.kind))
    return {
      ...finding,
      fix: startOrRestart
        ? `${plan.start.includes(unit) ? 'start' : 'restart'} ${unit}, then wait for health`
        : null,
    };
  return finding;
}

/** Every finding of a host, most fundamental first; findings caused by another one are left out. */
export function hostFindings(
  allTasks: readonly ResolvedTask[],
  facts: HostFacts,
  context: DriftContext,
): Finding[] {
  const plan = planHost(allTasks, facts);
  // A masked unit is an operator's decision: `masked` says it all, its files and states are not compared.
  const tasks = tasksSparing(allTasks, plan.masked);
  const masked = plan.masked.map(
    (unit): Finding => ({
      kind: 'masked',
      unit,
      expected: 'managed by hfleet',
      actual: 'masked',
      detail: `${unit} is masked (an operator's decision); apply --unmask would manage it again`,
      fix: null,
    }),
  );
  const files = fileFindings(plan.files, facts.files);
  const managedPaths = new Set(fileTasks(tasks).map((task) => task.path));
  const dropins = unmanagedDropinFindings(
    facts.dropins,
    managedPaths,
    context.knownDropins,
    context.dropinTexts,
  );
  // A unit whose own file is gone: systemd's view of it is stale, `missing` says it all.
  const unitFileGone = new Set(
    files
      .filter(
        (f) => f.kind === 'missing' && fileTasks(tasks).some((t) => t.module === 'unit' && t.path === f.path),
      )
      .map((f) => f.unit),
  );
  const services = tasks.filter((task): task is ResolvedServiceTask => task.module === 'service');
  const started = [...wantedStates(services).values()]
    .filter((t) => t.state === 'started')
    .map((t) => t.unit);
  const reload = reloadPendingFindings(facts, [...facts.units.keys()]).filter(
    (f) => !unitFileGone.has(f.unit),
  );
  // Until systemd reloads, it cannot tell whether a restart is owed: reload-pending comes first.
  const reloading = new Set(reload.map((f) => f.unit));
  const restart = restartPendingFindings(facts, started).filter(
    (f) => !reloading.has(f.unit) && !unitFileGone.has(f.unit),
  );
  const properties = intendedUnits(tasks, context)
    .filter((intended) => !unitFileGone.has(intended.unit))
    .flatMap((intended) => propertyFindings(intended, facts.units.get(intended.unit)));
  const states = serviceStateFindings(facts, services).filter(
    (f) => !(f.kind === 'disabled' && unitFileGone.has(f.unit)),
  );
  const health = unhealthyFindings(
    facts,
    tasks.filter((task) => task.module === 'health'),
  );
  return [...masked, ...files, ...dropins, ...reload, ...restart, ...properties, ...states, ...health].map(
    (finding) => withPlanFix(finding, plan),
  );
}
