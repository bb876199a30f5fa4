// `DeviceAllow=` (systemd.resource-control(5)), read as systemd 252 reads it: a device node path (`/dev/...`)
// or a device group (`char-NAME`, `block-NAME`), then optional access rights made of `r`, `w` and `m`. A value
// with quotes or escapes is not judged.

/** What systemd says when it ignores a `DeviceAllow=` value, or undefined. */
export function deviceAllowProblem(key: string, value: string): string | undefined {
  if (key !== 'DeviceAllow') return undefined;
  const trimmed = value.trim();
  if (/["'\\]/.test(trimmed)) return undefined;
  const pathEnd = trimmed.search(/\s/);
  const path = pathEnd < 0 ? trimmed : trimmed.slice(0, pathEnd);
  const rights = pathEnd < 0 ? '' : trimmed.slice(pathEnd).trim();
  if (!/^(\/|char-|block-|%)/.test(path)) return `Invalid device node path '${path}', ignoring.`;
  if (!/^[rwm]*$/.test(rights)) return `Invalid device rights '${rights}', ignoring.`;
  return undefined;
}
