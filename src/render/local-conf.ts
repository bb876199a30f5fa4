// The `local.conf` drop-in of one unit: only this host's overrides of what the rendered unit says.
import type { HostVars } from '../inventory/types.js';
import { sameMemoryLimit } from '../systemd/memory-limit.js';
import { effectiveValue, effectiveValues, mergeDropins } from '../systemd/merge.js';
import { parseUnit } from '../systemd/parse.js';
import { isPortKiller } from '../systemd/port-killer.js';

/** The first line of every drop-in hfleet writes. */
export const LOCAL_CONF_HEADER =
  '# Managed by hfleet: local overrides for this host. Edit the inventory, not this file.';

/** The file name of the drop-in hfleet owns in each `NAME.service.d/`. */
export const LOCAL_CONF_NAME = 'local.conf';

/** Which host vars apply to a unit: `memory_max` is the API services' cap, not the companions'. */
export interface LocalConfOptions {
  applyMemoryMax?: boolean;
}

/** The text of local.conf for a rendered unit and a host's vars, or null when the host overrides nothing. */
export function localConf(unitText: string, vars: HostVars, options: LocalConfOptions = {}): string | null {
  const unit = mergeDropins(parseUnit(unitText));
  const overrides: string[] = [];
  const unitMemoryMax = effectiveValue(unit, 'Service', 'MemoryMax');
  if (
    options.applyMemoryMax !== false &&
    unitMemoryMax !== undefined &&
    !sameMemoryLimit(unitMemoryMax, vars.memory_max)
  ) {
    overrides.push(`MemoryMax=${vars.memory_max}`);
  }
  if (vars.private_tmp) overrides.push('PrivateTmp=true');
  if (vars.run_as !== 'root') {
    overrides.push(`User=${vars.run_as}`, `Group=${vars.run_as}`);
    const startPre = effectiveValues(unit, 'Service', 'ExecStartPre').map((entry) => entry.value);
    const kept = startPre.filter((command) => !isPortKiller(command));
    if (kept.length < startPre.length) {
      overrides.push('ExecStartPre=', ...kept.map((command) => `ExecStartPre=${command}`));
    }
    overrides.push('TimeoutStopSec=15', 'KillMode=mixed');
  }
  if (overrides.length === 0) return null;
  return [LOCAL_CONF_HEADER, '[Service]', ...overrides].join('\n') + '\n';
}
