// A host key as Ansible reads it: an optional port (`name:2222`, `[2001:db8::1]:2222`) and ranges
// (`web[01:03]`, `db-[a:c]`, `n[0:10:5]`) expanded into names, with Ansible's rules and its error messages.
import { HfleetError } from '../errors.js';

/** More names than this from one pattern is refused (a typo like [0:9999999]). */
export const MAX_EXPANDED_HOSTS = 100_000;

const NUMERIC_RANGE = String.raw`\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const HEX_RANGE = String.raw`\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]`;
const ALNUM_RANGE = String.raw`\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const V6 = `(?:[0-9a-f]{1,4}|${HEX_RANGE})`;
const V4 = `(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|${NUMERIC_RANGE})`;
const LABEL = `(?:[\\p{L}\\p{N}_]|${ALNUM_RANGE})(?:[\\p{L}\\p{N}_-]|${ALNUM_RANGE})*(?<![_-])`;
const V4_DOTTED = `(?:${V4}\\.){3}${V4}`;

const BRACKETED_HOST_PORT = /^\[(.+)\]:([0-9]+)$/s;
const HOST_PORT = /^((?:[^:[\]]|\[[^\]]*\])*):([0-9]+)$/s;
const ADDRESS_SHAPES = [
  new RegExp(`^${V4_DOTTED}$`, 'i'),
  new RegExp(
    `^(?:(?:${V6}:){7}${V6}|(?:${V6}:){1,6}:|(?:${V6}:)(?::${V6}){1,6}|(?:${V6}:){2}(?::${V6}){1,5}|` +
      `(?:${V6}:){3}(?::${V6}){1,4}|(?:${V6}:){4}(?::${V6}){1,3}|(?:${V6}:){5}(?::${V6}){1,2}|` +
      `(?:${V6}:){6}(?::${V6})|:(?::${V6}){1,6}|${V6}?::|(?:0:){6}${V4_DOTTED}|::(?:ffff:)?${V4_DOTTED}|` +
      `(?:0:){5}ffff:${V4_DOTTED})$`,
    'i',
  ),
  new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'iu'),
];

/** A host key split into the names it stands for and the port it gave, if any. */
export interface HostPattern {
  names: string[];
  port: number | undefined;
}

// Name and port as Ansible's parse_address finds them; undefined when the text is no address it knows.
function parseAddress(text: string): { host: string; port: number | undefined } | undefined {
  let address = text;
  let port: number | undefined;
  for (const shape of [BRACKETED_HOST_PORT, HOST_PORT]) {
    const match = shape.exec(address);
    if (match) {
      address = match[1] ?? '';
      port = Number(match[2]);
    }
  }
  return ADDRESS_SHAPES.some((shape) => shape.test(address)) ? { host: address, port } : undefined;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every name a pattern with `[a:b(:step)]` ranges stands for, in order (Ansible's expand_hostname_range). */
export function expandRanges(
  pattern: string,
  where: string,
  budget = { left: MAX_EXPANDED_HOSTS },
): string[] {
  const open = pattern.indexOf('[');
  if (open < 0) return [pattern];
  const close = pattern.indexOf(']', open);
  const fail = (why: string): never => {
    throw new HfleetError('INVENTORY_INVALID', `${where}: host pattern '${pattern}': ${why}`);
  };
  if (close < 0) fail('a [ without ]');
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = pattern.slice(open + 1, close).split(':');
  if (bounds.length !== 2 && bounds.length !== 3) fail('host range must be begin:end or begin:end:step');
  const [first = '', end = '', stepText = '1'] = bounds;
  const begin = first === '' ? '0' : first;
  if (end === '') fail('host range must specify end value');
  let width = 0;
  if (begin.startsWith('0') && begin.length > 1) {
    if (begin.length !== end.length) fail('host range must specify equal-length begin and end formats');
    width = begin.length;
  }
  const step = /^\s*[+-]?[0-9]+\s*$/.test(stepText) ? Number(stepText) : fail(`bad step '${stepText}'`);
  if (step === 0) fail('range step must not be zero');
  const items: string[] = [];
  const letterFrom = LETTERS.indexOf(begin);
  const letterTo = LETTERS.indexOf(end);
  if (begin.length === 1 && end.length === 1 && letterFrom >= 0 && letterTo >= 0) {
    if (letterFrom > letterTo) fail('host range must have begin <= end');
    for (let index = letterFrom; step > 0 && index <= letterTo; index += step)
      items.push(LETTERS.charAt(index));
  } else {
    const isInt = (text: string) => /^\s*[+-]?[0-9]+\s*$/.test(text);
    if (!isInt(begin) || !isInt(end)) fail(`'${begin}:${end}' is neither a numeric nor a letter range`);
    const from = Number(begin);
    const to = Number(end);
    if ((to - from) / step > budget.left) fail(`more than ${MAX_EXPANDED_HOSTS} hosts`);
    for (let value = from; step > 0 ? value < to + 1 : value > to + 1; value += step) {
      items.push(width > 0 ? String(value).padStart(width, '0') : String(value));
    }
  }
  const names: string[] = [];
  for (const item of items) {
    for (const name of expandRanges(`${head}${item}${tail}`, where, budget)) names.push(name);
    if (names.length > budget.left) fail(`more than ${MAX_EXPANDED_HOSTS} hosts`);
  }
  budget.left -= names.length;
  return names;
}

/** A host key into names and port, as Ansible's file inventory plugins read it. */
export function readHostPattern(key: string, where: string): HostPattern {
  const parsed = parseAddress(key);
  const pattern = parsed?.host ?? key;
  const names = pattern.includes('[') ? expandRanges(pattern, where) : [pattern];
  return { names, port: parsed?.port };
}
