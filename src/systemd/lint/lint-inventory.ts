// Lint what hfleet would write to each host: every rendered unit merged with its drop-ins, as run_as.
import type { Host } from '../../inventory/types.js';
import type { RenderedFile } from '../../playbook/rendered-files.js';
import { isTriggeredUnit } from '../../render/catalog.js';
import type { Finding } from './finding.js';
import { lintUnitWithDropins } from './lint-unit.js';

/** Findings of the rendered units of these hosts; file names read `HOST:/etc/systemd/system/NAME`. */
export function lintRenderedHosts(
  hosts: readonly { host: Host; files: readonly RenderedFile[] }[],
): Finding[] {
  return hosts.flatMap(({ host, files }) => {
    const named = files.map((file) => ({ ...file, path: `${host.name}:${file.path}` }));
    return named
      .filter((file) => file.kind === 'unit')
      .flatMap((unit) => {
        const dropins = named.filter((file) => file.kind === 'dropin' && file.unit === unit.unit);
        const context = { runAs: host.vars.run_as, triggered: isTriggeredUnit(unit.unit ?? '') };
        return lintUnitWithDropins(
          { ...unit, kind: 'unit' },
          dropins.map((d) => ({ ...d, kind: 'dropin' as const })),
          context,
        );
      });
  });
}
