// The unit name systemd derives from a path (`systemd-escape --path --suffix=TYPE`), as mounts must be named.

/** `/mnt/my-data` → `mnt-my\x2ddata.mount`; `/` → `-.mount`. */
export function unitNameFromPath(path: string, unitType: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0) return `-.${unitType}`;
  const escaped = [...Buffer.from(parts.join('/'), 'utf8')]
    .map((byte, index) => {
      const char = String.fromCharCode(byte);
      if (char === '/') return '-';
      if (/[A-Za-z0-9:_]/.test(char) || (char === '.' && index > 0)) return char;
      return `\\x${byte.toString(16).padStart(2, '0')}`;
    })
    .join('');
  return `${escaped}.${unitType}`;
}
