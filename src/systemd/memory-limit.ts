// systemd's grammar for MemoryMax= and friends (bytes with K/M/G/T/P/E suffix, a percentage, `infinity`).

/** A parsed memory limit, normalised so that equal limits compare equal. */
export type MemoryLimit =
  | { kind: 'bytes'; bytes: bigint }
  | { kind: 'percent'; permyriad: number }
  | { kind: 'infinity' };

const SIZE = /^\+?(\d+)(?:\.(\d*))?\s*([KMGTPEB]?)$/;
const PERCENT = /^(\d+)(?:\.(\d+))?\s*(%|‰)$/;
const SHIFT: Record<string, bigint> = { '': 0n, B: 0n, K: 10n, M: 20n, G: 30n, T: 40n, P: 50n, E: 60n };

/** Parse a limit as systemd 252 does; undefined when systemd would ignore the value (also 0 and 0%). */
export function parseMemoryLimit(text: string): MemoryLimit | undefined {
  const value = text.trim();
  if (value === 'infinity') return { kind: 'infinity' };
  const percent = PERCENT.exec(value);
  if (percent) {
    const scale = percent[3] === '%' ? 100 : 10;
    const permyriad = Math.round(Number(`${percent[1]}.${percent[2] ?? '0'}`) * scale);
    return permyriad > 0 && permyriad <= 10000 ? { kind: 'percent', permyriad } : undefined;
  }
  const size = SIZE.exec(value);
  if (!size) return undefined;
  const multiplier = 1n << (SHIFT[size[3] ?? ''] ?? 0n);
  const fraction = size[2] ?? '';
  const fractionBytes =
    fraction === '' ? 0n : (BigInt(fraction) * multiplier) / 10n ** BigInt(fraction.length);
  const bytes = BigInt(size[1] ?? '0') * multiplier + fractionBytes;
  return bytes > 0n ? { kind: 'bytes', bytes } : undefined;
}

/** True when two limit texts mean the same limit (falls back to text equality when either is invalid). */
export function sameMemoryLimit(a: string, b: string): boolean {
  const left = parseMemoryLimit(a);
  const right = parseMemoryLimit(b);
  if (!left || !right) return a.trim() === b.trim();
  return JSON.stringify(left, bigintText) === JSON.stringify(right, bigintText);
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
