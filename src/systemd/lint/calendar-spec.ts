// systemd's calendar event grammar (systemd.time(7) "Calendar Events"), as OnCalendar= accepts it.

const SHORTHANDS = new Set([
  ...['minutely', 'hourly', 'daily', 'monthly', 'weekly', 'yearly', 'annually'],
  ...['quarterly', 'semiannually', 'semi-annually', 'biannually', 'bi-annually'],
]);
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const WEEKDAY_NAMES = new Set([
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
]);
// One component: `*`, a number, `a..b` ranges, `/step` repetitions, comma lists.
const COMPONENT = /^(\*|\d+(\.\d+)?(\.\.\d+)?)(\/\d+(\.\d+)?)?(,(\d+(\.\d+)?(\.\.\d+)?)(\/\d+(\.\d+)?)?)*$/;

/** True when systemd parses `text` as a calendar event (`daily`, `Mon..Fri 09:00`, `*-*-1 00:00:00 UTC`). */
export function isCalendarSpec(text: string): boolean {
  if (/^@\d+$/.test(text.trim())) return true;
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return false;
  if (words.length > 1 && isTimezone(words[words.length - 1] ?? '')) words.pop();
  if (words.length === 1 && SHORTHANDS.has((words[0] ?? '').toLowerCase())) return true;
  if (isWeekdaySpec(words[0] ?? '')) words.shift();
  if (words.length === 0) return true;
  if (words.length > 2) return false;
  const [first = '', second] = words;
  if (second !== undefined) return isDate(first) && isTime(second);
  return isDate(first) || isTime(first);
}

function isWeekdaySpec(word: string): boolean {
  return word.split(',').every((item) => {
    const ends = item.split(/\.\.|-/);
    return (
      ends.length <= 2 &&
      ends.every((end) => WEEKDAYS.has(end.toLowerCase()) || WEEKDAY_NAMES.has(end.toLowerCase()))
    );
  });
}

// `[YEAR-]MONTH-DAY`, where the day may be `~N` (counted from the month's end).
function isDate(word: string): boolean {
  const reversed = /^(.+?)~(.+)$/.exec(word);
  const parts = reversed ? [...(reversed[1] ?? '').split('-'), reversed[2] ?? ''] : word.split('-');
  return (parts.length === 2 || parts.length === 3) && parts.every((part) => COMPONENT.test(part));
}

// `HOUR:MINUTE[:SECOND]`.
function isTime(word: string): boolean {
  const parts = word.split(':');
  return (parts.length === 2 || parts.length === 3) && parts.every((part) => COMPONENT.test(part));
}

function isTimezone(word: string): boolean {
  return word === 'UTC' || /^[A-Z][A-Za-z_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(word);
}
