// hfleet's own lint rules on a unit's effective configuration (after its drop-ins are merged): likely mistakes
// systemd accepts.
import type { EffectiveUnit } from '../merge.js';
import { effectiveValue, effectiveValues } from '../merge.js';
import { isPortKiller } from '../port-killer.js';
import type { Finding, LintContext } from './finding.js';

/** Findings about a merged unit at `path` of the given type (`service`, `timer`, ...). */
export function lintEffectiveRules(
  effective: EffectiveUnit,
  path: string,
  unitType: string | undefined,
  context: LintContext,
): Finding[] {
  const findings: Finding[] = [];
  const add = (
    at: { file: string; line: number } | undefined,
    rule: string,
    severity: Finding['severity'],
    message: string,
  ) => findings.push({ file: at?.file ?? path, line: at?.line ?? 1, rule, severity, message });
  const last = (section: string, key: string) => effectiveValues(effective, section, key).at(-1);
  const hasInstall = ['WantedBy', 'RequiredBy', 'Alias', 'Also'].some((key) => last('Install', key));
  if ((unitType === 'service' || unitType === 'timer') && !hasInstall && !context.triggered) {
    add(
      undefined,
      'missing-install',
      'warning',
      'no [Install] WantedBy=: systemctl enable will not start it at boot',
    );
  }
  if (unitType !== 'service') return findings;

  const user = last('Service', 'User');
  const userName = user?.value ?? 'root';
  if (userName !== 'root' && userName !== '0') {
    for (const command of effectiveValues(effective, 'Service', 'ExecStartPre')) {
      if (isPortKiller(command.value)) {
        add(
          command,
          'fuser-as-non-root',
          'error',
          `'fuser -k' runs as ${userName}, who cannot kill other users' processes: reset ExecStartPre= in a drop-in`,
        );
      }
    }
    const stopsAbruptly =
      effectiveValue(effective, 'Service', 'KillMode') !== 'mixed' || !last('Service', 'TimeoutStopSec');
    if (context.runAs !== undefined && stopsAbruptly) {
      add(
        user,
        'non-root-stop',
        'warning',
        `runs as ${userName}: set TimeoutStopSec=15 and KillMode=mixed for a graceful stop`,
      );
    }
  }
  if (context.runAs !== undefined && context.runAs !== userName) {
    add(
      user,
      'run-as-mismatch',
      'error',
      `runs as ${userName} but the inventory says run_as: ${context.runAs}`,
    );
  }
  const restart = last('Service', 'Restart');
  if (restart && restart.value !== 'no' && !last('Service', 'RestartSec')) {
    add(
      restart,
      'restart-without-delay',
      'warning',
      `Restart=${restart.value} without RestartSec=: systemd retries after 100ms`,
    );
  }
  return findings;
}
