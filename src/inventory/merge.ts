// Precedence: later layers win, key by key; lists replace; `extra` merges name by name.
import type { HostVars, SshSettings } from './types.js';
import { defaultSsh } from './validate/ssh-fields.js';
import { defaultVars } from './validate/var-fields.js';

/** The variables of a host from its layers, lowest precedence first (defaults < groups < customer < host). */
export function mergeVars(layers: readonly Partial<HostVars>[]): HostVars {
  const merged = defaultVars();
  for (const layer of layers) {
    const { extra, ...rest } = layer;
    Object.assign(merged, structuredClone(rest));
    if (extra) merged.extra = Object.assign(merged.extra, structuredClone(extra));
  }
  return merged;
}

/** The SSH settings of a host from its layers, lowest precedence first (defaults < customer ssh < host fields). */
export function mergeSsh(home: string, layers: readonly Partial<SshSettings>[]): SshSettings {
  const merged = defaultSsh(home);
  for (const layer of layers) Object.assign(merged, layer);
  return merged;
}

/** The SSH settings any of the layers sets, in SshSettings order (what an ~/.ssh/config must not override). */
export function explicitSshKeys(layers: readonly Partial<SshSettings>[]): (keyof SshSettings)[] {
  const keys = Object.keys(defaultSsh('/')) as (keyof SshSettings)[];
  return keys.filter((key) => layers.some((layer) => key in layer));
}
