// What a host's report says after its apply script ran: the steps that succeeded, and the unit actions that did not run.
import { stepLabel, UNIT_ACTIONS } from '../remote/step-labels.js';
import type { HostPlan, ReportedChange } from '../tasks/plan-types.js';

/** The fields of a host result that report what happened. */
export interface DoneReport {
  changes: ReportedChange[];
  restarted: string[];
  services: { unit: string; action: string }[];
  daemon_reload: boolean;
  /** Planned unit actions that did not run or did not succeed, e.g. `restart hub-cloud.service`. */
  not_run: string[];
}

const PAST: Record<(typeof UNIT_ACTIONS)[number], string> = {
  stop: 'stopped',
  disable: 'disabled',
  restart: 'restarted',
  start: 'started',
  enable: 'enabled',
};

/**
 * The report of a plan whose script completed the steps labelled `done` (all of them when it succeeded). A
 * failed rename puts the files renamed before it back, so their `done` renames no longer stand.
 */
export function doneReport(plan: HostPlan, done: readonly string[], failedStep?: string): DoneReport {
  const fileSteps = new Set(plan.files.map(stepLabel.file));
  const filesPutBack = failedStep !== undefined && fileSteps.has(failedStep);
  const ran = new Set(done.filter((step) => !(filesPutBack && fileSteps.has(step))));
  const report: DoneReport = {
    changes: [
      ...plan.files
        .filter((file) => ran.has(stepLabel.file(file)))
        .map((file) => ({
          task: file.task,
          path: file.path,
          action: file.action,
          ...(file.replacesSymlink === undefined ? {} : { replaced_symlink: file.replacesSymlink }),
        })),
      ...plan.users
        .filter(({ user }) => ran.has(stepLabel.user(user)))
        .map(({ user }) => ({ task: 'user', action: `created ${user}` })),
      ...plan.chown
        .filter(({ path }) => ran.has(stepLabel.chown(path)))
        .map((own) => ({ task: 'ownership', path: own.path, action: `chown -R ${own.owner}:${own.group}` })),
      ...plan.commands
        .filter(({ name }) => ran.has(stepLabel.command(name)))
        .map(({ name }) => ({ task: 'command', action: `ran ${name}` })),
    ],
    restarted: [],
    services: ran.has(stepLabel.unmask(plan.unmask))
      ? plan.unmask.map((unit) => ({ unit, action: 'unmasked' }))
      : [],
    daemon_reload: plan.daemonReload && ran.has(stepLabel.daemonReload()),
    not_run: [],
  };
  for (const action of UNIT_ACTIONS) {
    const units = plan[action];
    if (units.length === 0) continue;
    if (!ran.has(stepLabel.units(action, units))) {
      report.not_run.push(...units.map((unit) => `${action} ${unit}`));
      continue;
    }
    if (action === 'restart') report.restarted.push(...units);
    else report.services.push(...units.map((unit) => ({ unit, action: PAST[action] })));
  }
  return report;
}

/** Every step label of a plan, as if its script had completed (what --check reports). */
export function plannedSteps(plan: HostPlan): string[] {
  return [
    ...(plan.unmask.length > 0 ? [stepLabel.unmask(plan.unmask)] : []),
    ...plan.files.map(stepLabel.file),
    ...plan.users.map(({ user }) => stepLabel.user(user)),
    ...plan.chown.map(({ path }) => stepLabel.chown(path)),
    ...plan.commands.map(({ name }) => stepLabel.command(name)),
    ...(plan.daemonReload ? [stepLabel.daemonReload()] : []),
    ...UNIT_ACTIONS.filter((action) => plan[action].length > 0).map((action) =>
      stepLabel.units(action, plan[action]),
    ),
  ];
}
