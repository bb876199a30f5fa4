// The checks systemd makes when it loads a unit (after its drop-ins are merged); failing one, it refuses the unit.
import type { EffectiveUnit, EffectiveValue } from '../merge.js';
import { effectiveValues } from '../merge.js';
import { isCalendarSpec } from './calendar-spec.js';
import type { Finding } from './finding.js';
import { listenAddressProblem } from './listen-address.js';
import { isWatchablePath, pathValueProblem } from './path-values.js';
import { isTimeSpan } from './time-span.js';
import { unitNameFromPath } from './unit-name.js';

type Refuse = (at: EffectiveValue | undefined, rule: string, message: string) => void;
type Values = (section: string, key: string) => EffectiveValue[];

const TIMER_TRIGGERS = ['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec'];
const PATH_TRIGGERS = ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'];
const ACCEPTING_LISTENERS = ['ListenStream', 'ListenSequentialPacket'];
const OTHER_LISTENERS = [
  ...['ListenDatagram', 'ListenFIFO', 'ListenSpecial', 'ListenNetlink', 'ListenMessageQueue'],
  'ListenUSBFunction',
];
const TRUE = /^(1|yes|y|true|t|on)$/i;

/**
 * Findings (all errors: systemd refuses to load the unit) for a merged unit of the given type at `path`;
 * a finding about a setting that is missing points at `headerLine` (the unit's own section header).
 */
export function lintLoadRules(
  effective: EffectiveUnit,
  path: string,
  unitType: string | undefined,
  headerLine = 1,
): Finding[] {
  const findings: Finding[] = [];
  const refuse: Refuse = (at, rule, message) =>
    findings.push({ file: at?.file ?? path, line: at?.line ?? headerLine, rule, severity: 'error', message });
  const values: Values = (section, key) => effectiveValues(effective, section, key);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (unitType === 'service') serviceRules(values, refuse);
  if (unitType === 'socket') socketRules(values, refuse);
  if (unitType === 'timer' && !hasTimerTrigger(values))
    refuse(
      undefined,
      'timer-without-trigger',
      'no valid OnCalendar=, OnBootSec=, OnActiveSec=... : systemd refuses the timer',
    );
  const watches = (key: string) => values('Path', key).some((at) => isWatchablePath(at.value));
  if (unitType === 'path' && !PATH_TRIGGERS.some(watches))
    refuse(
      undefined,
      'path-without-trigger',
      'no valid PathExists=, PathChanged=, PathModified=... (an absolute path): systemd refuses the path unit',
    );
  if (unitType === 'mount' || unitType === 'automount') whereRules(name, unitType, values, refuse);
  if (unitType === 'swap') {
    const what = values('Swap', 'What').at(-1);
    if (what && !name.includes('@') && unitNameFromPath(what.value, 'swap') !== name)
      refuse(
        what,
        'name-mismatch',
        `What=${what.value} does not match the unit name ${name}: systemd refuses the swap unit`,
      );
  }
  return findings;
}

function serviceRules(values: Values, refuse: Refuse): void {
  const last = (key: string) => values('Service', key).at(-1);
  const starts = values('Service', 'ExecStart');
  const hasSuccessAction = (values('Unit', 'SuccessAction').at(-1)?.value ?? 'none') !== 'none';
  const type = last('Type')?.value ?? (last('BusName') ? 'dbus' : starts.length > 0 ? 'simple' : 'oneshot');
  if (starts.length === 0 && !last('ExecStop') && !hasSuccessAction)
    refuse(
      undefined,
      'missing-exec-start',
      'no ExecStart=, ExecStop= or SuccessAction=: systemd refuses the service',
    );
  else if (starts.length === 0 && type !== 'oneshot')
    refuse(
      last('Type'),
      'missing-exec-start',
      `no ExecStart= with Type=${type} (only oneshot services may have none): systemd refuses the service`,
    );
  else if (starts.length === 0 && !hasSuccessAction && !TRUE.test(last('RemainAfterExit')?.value ?? ''))
    refuse(
      undefined,
      'missing-exec-start',
      'no ExecStart= nor SuccessAction=, and RemainAfterExit=yes is not set: systemd refuses the service',
    );
  if (starts.length > 1 && type !== 'oneshot')
    refuse(
      starts[1],
      'several-exec-start',
      `more than one ExecStart= with Type=${type} (only oneshot services may have several): systemd refuses the service`,
    );
  const restart = last('Restart');
  if (type === 'oneshot' && (restart?.value === 'always' || restart?.value === 'on-success'))
    refuse(
      restart,
      'oneshot-restart',
      `Restart=${restart.value} with Type=oneshot: systemd refuses the service (use Restart=on-failure)`,
    );
  if (type === 'dbus' && !last('BusName'))
    refuse(last('Type'), 'dbus-without-bus-name', 'Type=dbus without BusName=: systemd refuses the service');
  const extra = last('RuntimeRandomizedExtraSec');
  const max = last('RuntimeMaxSec')?.value ?? 'infinity';
  if (extra && !/^0+(\.0*)?\s*[a-zµ]*$/i.test(extra.value) && max === 'infinity')
    refuse(
      extra,
      'extra-without-runtime-max',
      'RuntimeRandomizedExtraSec= without a finite RuntimeMaxSec=: systemd ignores it',
    );
}

function socketRules(values: Values, refuse: Refuse): void {
  // A listener systemd ignores (a comment after the port, a relative FIFO path) does not count.
  const listeners = (key: string) =>
    values('Socket', key).filter(
      (at) => !listenAddressProblem(key, at.value) && !pathValueProblem('Socket', key, at.value),
    );
  const accepting = ACCEPTING_LISTENERS.some((key) => listeners(key).length > 0);
  const other = OTHER_LISTENERS.map((key) => listeners(key).at(0)).find((value) => value);
  if (!accepting && !other)
    refuse(
      undefined,
      'socket-without-listen',
      'no valid ListenStream=, ListenDatagram=, ... : systemd refuses the socket',
    );
  const accept = values('Socket', 'Accept').at(-1);
  if (!accept || !TRUE.test(accept.value)) return;
  if (other)
    refuse(
      other,
      'accept-non-stream',
      'Accept=yes with a socket that cannot accept connections: systemd refuses the socket',
    );
  const service = values('Socket', 'Service').at(-1);
  if (service)
    refuse(
      service,
      'accept-with-service',
      'Accept=yes with Service=: systemd refuses the socket (it starts NAME@.service per connection)',
    );
}

function hasTimerTrigger(values: Values): boolean {
  const valid = (key: string, test: (value: string) => boolean) =>
    values('Timer', key).some((entry) => test(entry.value));
  return (
    valid('OnCalendar', isCalendarSpec) ||
    TIMER_TRIGGERS.some((key) => valid(key, isTimeSpan)) ||
    ['OnClockChange', 'OnTimezoneChange'].some((key) => valid(key, (value) => TRUE.test(value)))
  );
}

function whereRules(name: string, unitType: 'mount' | 'automount', values: Values, refuse: Refuse): void {
  const section = unitType === 'mount' ? 'Mount' : 'Automount';
  const where = values(section, 'Where').at(-1);
  if (
    where &&
    !name.includes('@') &&
    !where.value.includes('%') &&
    unitNameFromPath(where.value, unitType) !== name
  )
    refuse(
      where,
      'name-mismatch',
      `Where=${where.value} does not match the unit name ${name}: systemd refuses the ${unitType}`,
    );
  if (unitType === 'mount' && values('Mount', 'What').length === 0)
    refuse(undefined, 'mount-without-what', 'no What=: systemd refuses the mount');
}
