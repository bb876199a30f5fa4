// The variables a host's unit templates are rendered with.
import type { Host } from '../inventory/types.js';
import type { TemplateVars } from './template.js';

/** Template variables of one host: its own settings first, then `extra` (which cannot shadow them). */
export function templateVars(host: Host): TemplateVars {
  const { vars } = host;
  return {
    ...vars.extra,
    display_name: host.displayName,
    install_dir: vars.install_dir,
    data_dir: vars.data_dir,
    memory_max: vars.memory_max,
    run_as: vars.run_as,
    private_tmp: vars.private_tmp,
    dbt_schedule: vars.dbt_schedule,
    customer: host.customer,
    host: host.name,
  };
}
