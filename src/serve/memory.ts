// Memory figures as systemd shows them: bytes, or `infinity`.

/** Bytes from a `systemctl show` value; null for `infinity`, unset or anything else. */
export function parseMemoryBytes(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const bytes = Number(value);
  return bytes >= 2 ** 63 ? null : bytes;
}
