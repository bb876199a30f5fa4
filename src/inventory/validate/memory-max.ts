// Whether systemd would accept a `MemoryMax=` value: the subset of its syntax hfleet lets through.
// Checked against systemd 252's parser: `900M`, `1.5G`, `1500000000`, `12.5%`, `100%`, `infinity` pass;
// `900MB`, `900m`, `-1`, `0`, `0%`, `12.555%`, `1.5.0G`, `1e3`, `Infinity` are rejected, so they are here too.

const SIZE = /^([0-9]+)(?:\.([0-9]+))?([KMGTPE])?$/;
const PERCENT = /^([0-9]{1,3})(?:\.([0-9]{1,2}))?%$/;
const SUFFIX_POWER: Record<string, bigint> = { K: 1n, M: 2n, G: 3n, T: 4n, P: 5n, E: 6n };
// systemd's largest finite limit; 2^64-1 itself means infinity and is refused as a number.
const MAX_BYTES = 2n ** 64n - 2n;

/** The shape of a valid value (its range is checked by isValidMemoryMax); used by the JSON Schema. */
export const MEMORY_MAX_SHAPE = new RegExp(
  `^(?:infinity|${SIZE.source.slice(1, -1)}|${PERCENT.source.slice(1, -1)})$`,
);

// The number of bytes a size means, or undefined when the text is not a size.
function sizeInBytes(text: string): bigint | undefined {
  const match = SIZE.exec(text);
  if (!match) return undefined;
  const [, whole = '0', fraction, suffix] = match;
  // Fractional bytes (`1.5` without a suffix) make no sense; refuse them rather than guess a rounding.
  if (fraction !== undefined && suffix === undefined) return undefined;
  const multiplier = suffix === undefined ? 1n : 1024n ** (SUFFIX_POWER[suffix] ?? 0n);
  const fractionDigits = fraction ?? '';
  const scale = 10n ** BigInt(fractionDigits.length);
  return BigInt(whole) * multiplier + (BigInt(fractionDigits || '0') * multiplier) / scale;
}

/** True when `MemoryMax=text` is a limit systemd accepts: bytes (optional K/M/G/T/P/E), a percentage, `infinity`. */
export function isValidMemoryMax(text: string): boolean {
  if (text === 'infinity') return true;
  const percent = PERCENT.exec(text);
  if (percent) {
    const hundredths = Number(percent[1]) * 100 + Number((percent[2] ?? '').padEnd(2, '0'));
    return hundredths > 0 && hundredths <= 10_000;
  }
  const bytes = sizeInBytes(text);
  return bytes !== undefined && bytes >= 1n && bytes <= MAX_BYTES;
}
