// Lint what hfleet would write to each host: every rendered unit merged with its local.conf, as run_as.
import type { Host } from '../../inventory/types.js';
import { isTriggeredUnit } from '../../render/catalog.js';
import { renderHostFiles } from '../../render/host-files.js';
import type { Finding } from './finding.js';
import { lintUnitWithDropins } from './lint-unit.js';

// Findings of the rendered units of these hosts; file names read `HOST:/etc/systemd/system/NAME`.
export function lintRenderedHosts(hosts: readonly Host[]): Finding[] {
  return hosts.flatMap((host) => {
    const files = renderHostFiles(host).map((file) => ({ ...file, path: `${host.name}:${file.path}` }));
    return files
      .filter((file) => file.kind === 'unit')
      .flatMap((unit) => {
        const dropins = files.filter((file) => file.kind === 'dropin' && file.unit === unit.unit);
        const context = { runAs: host.vars.run_as, triggered: isTriggeredUnit(unit.unit) };
        return lintUnitWithDropins({ ...unit, kind: 'unit' }, dropins, context);
      });
  });
}
