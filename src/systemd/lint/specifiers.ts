// Unit specifiers (`%i`, `%h`, ...; systemd.unit(5) "Specifiers"): which exist, and a stand-in value of the
// right shape for each, so that a value can be checked as systemd sees it after resolving them.

const PATHS = new Set(['C', 'd', 'E', 'f', 'h', 'L', 'S', 's', 't', 'T', 'V', 'y', 'Y']);
const NUMBERS = new Set(['U', 'G']);
const NAMES = new Set([...'aAbBgHijJlmMnNopPquvwW']);
const INSTANCE = new Set(['i', 'I']);
/** The cgroup specifiers systemd still resolves, warning that they are deprecated. */
const DEPRECATED = new Set(['c', 'r', 'R']);

/** A value with its specifiers replaced, the specifiers systemd does not know, and the deprecated ones. */
export interface ResolvedValue {
  value: string;
  unknown: string[];
  deprecated: string[];
}

/**
 * Resolve `%x` specifiers to stand-ins (`%i` and `%I` are empty in a unit that is not a template). Only a
 * letter or digit after `%` is a specifier: systemd keeps `% `, `%-` or a final `%` as written.
 */
export function resolveSpecifiers(text: string, isTemplate: boolean): ResolvedValue {
  const unknown: string[] = [];
  const deprecated: string[] = [];
  const value = text.replace(/%(.)/gs, (whole, letter: string) => {
    if (letter === '%') return '%';
    if (INSTANCE.has(letter)) return isTemplate ? 'instance' : '';
    if (PATHS.has(letter)) return `/${letter}`;
    if (NUMBERS.has(letter)) return '0';
    if (NAMES.has(letter)) return letter;
    if (DEPRECATED.has(letter)) {
      deprecated.push(whole);
      return `/${letter}`;
    }
    if (/[A-Za-z0-9]/.test(letter)) unknown.push(whole);
    return whole;
  });
  return { value, unknown, deprecated };
}

/** True when a unit file name is a template (`NAME@.TYPE`) or the path of a drop-in of one. */
export function isTemplatePath(path: string): boolean {
  return /@\.[a-z]+(\.d\/[^/]+)?$/.test(path);
}

/** True when the text uses the instance specifiers `%i` or `%I`. */
export function usesInstance(text: string): boolean {
  return /(^|[^%])(%%)*%[iI]/.test(text);
}
