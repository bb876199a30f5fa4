// The Debian mirror this machine's apt already uses, read from its configuration (never hard-coded).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HfleetError } from '../errors.js';

/** The first URI of deb822 `.sources` text serving this suite (not -security or -updates), or undefined. */
export function mirrorFromDeb822(text: string, suite = 'bookworm'): string | undefined {
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
    if (suites.includes(suite)) return uri;
  }
  return undefined;
}

/** The URI of the first `deb` line of one-line-style sources.list text for this suite, or undefined. */
export function mirrorFromSourcesList(text: string, suite = 'bookworm'): string | undefined {
  for (const line of text.split('\n')) {
    const match = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    if (match && match[2] === suite) return match[1];
  }
  return undefined;
}

/** The mirror of this machine's apt configuration; throws a LAB error when none is configured. */
export function findAptMirror(etcApt = '/etc/apt', suite = 'bookworm'): string {
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
  const mirror = candidates.find((uri) => uri !== '');
  if (!mirror) {
    throw new HfleetError('LAB', 'no Debian mirror found in the apt configuration', {
      hint: `configure apt (${etcApt}/sources.list.d/*.sources or sources.list) so the base image can be built`,
    });
  }
  return mirror;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
