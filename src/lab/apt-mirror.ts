// The Debian mirror this machine's apt already uses, read from its configuration (never hard-coded).
// One mirror serves every release of its archive: a release the machine does not run itself is taken from the
// mirror of the release it does run (its main archive, not -security or -updates).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HfleetError } from '../errors.js';

// A suite of Debian's main archive: a release's codename, not `-security`, `-updates` or `-backports`.
function isMainSuite(suite: string): boolean {
  return /^[a-z]+$/.test(suite);
}

/** The first URI of deb822 `.sources` text serving this suite (any main-archive suite when none is named), or undefined. */
export function mirrorFromDeb822(text: string, suite?: string): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (match) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const types = (fields.get('types') ?? '').split(/\s+/);
    const suites = (fields.get('suites') ?? '').split(/\s+/);
    const uri = (fields.get('uris') ?? '').split(/\s+/)[0];
    if (fields.get('enabled') === 'no' || !types.includes('deb') || !uri) continue;
    if (suite ? suites.includes(suite) : suites.some(isMainSuite)) return uri;
  }
  return undefined;
}

/**
 * The URI of the first `deb` line of one-line-style sources.list text for this suite (any main-archive suite
 * when none is named), or undefined.
 */
export function mirrorFromSourcesList(text: string, suite?: string): string | undefined {
  for (const line of text.split('\n')) {
    const match = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    if (match && (suite ? match[2] === suite : isMainSuite(match[2]!))) return match[1];
  }
  return undefined;
}

/**
 * The mirror of this machine's apt configuration for a suite: the one listing it, else the main archive's;
 * throws a LAB error when none is configured.
 */
export function findAptMirror(etcApt = '/etc/apt', suite = 'bookworm'): string {
  return mirrorFor(etcApt, suite) ?? mirrorFor(etcApt, undefined) ?? noMirror(etcApt);
}

function mirrorFor(etcApt: string, suite: string | undefined): string | undefined {
  const candidates: string[] = [];
  const listDir = path.join(etcApt, 'sources.list.d');
  try {
    for (const name of readdirSync(listDir).sort()) {
      if (name.endsWith('.sources'))
        candidates.push(mirrorFromDeb822(readText(path.join(listDir, name)), suite) ?? '');
      if (name.endsWith('.list'))
        candidates.push(mirrorFromSourcesList(readText(path.join(listDir, name)), suite) ?? '');
    }
  } catch {
    // no sources.list.d: fall through to sources.list
  }
  candidates.push(mirrorFromSourcesList(readText(path.join(etcApt, 'sources.list')), suite) ?? '');
  return candidates.find((uri) => uri !== '');
}

function noMirror(etcApt: string): never {
  throw new HfleetError('LAB', 'no Debian mirror found in the apt configuration', {
    hint: `configure apt (${etcApt}/sources.list.d/*.sources or sources.list) so the base image can be built`,
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
