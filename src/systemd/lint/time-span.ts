// systemd's time span grammar (systemd.time(7)): `infinity`, or numbers each with an optional unit.

const UNITS = new Set([
  ...['usec', 'us', 'µs', 'μs', 'nsec', 'ns', 'msec', 'ms', 'seconds', 'second', 'sec', 's'],
  ...['minutes', 'minute', 'min', 'm', 'hours', 'hour', 'hr', 'h', 'days', 'day', 'd'],
  ...['weeks', 'week', 'w', 'months', 'month', 'M', 'years', 'year', 'y'],
]);
const PART = /^(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Zµμ]*)\s*/;

/** True when systemd parses `text` as a time span (`5min 30s`, `1.5h`, `300`, `infinity`). */
export function isTimeSpan(text: string): boolean {
  let rest = text.trim();
  if (rest === 'infinity') return true;
  if (rest === '') return false;
  while (rest !== '') {
    const part = PART.exec(rest);
    if (!part || (part[2] !== '' && !UNITS.has(part[2] ?? ''))) return false;
    rest = rest.slice(part[0].length);
  }
  return true;
}
