// Drift's one round trip: the facts script (no lock: drift only reads) plus the text of every drop-in.
import { factsScript } from '../facts/script.js';
import type { FactRequest, HostFacts, KnownFiles } from '../facts/types.js';
import { base64Field, linesTagged, printTagged, TAG } from '../remote/protocol.js';
import { quoteArg } from '../util/shell-quote.js';

/** The largest drop-in read back, in bytes (a drop-in is a few lines; this bounds a stray big file). */
export const DROPIN_TEXT_LIMIT = 65536;

// The managed files inside a drop-in dir: their text is their `file` fact's content, so it is not read twice.
function managedDropins(request: FactRequest, dir: string): string[] {
  return request.files.filter(
    (file) => file.startsWith(`${dir}/`) && !file.slice(dir.length + 1).includes('/'),
  );
}

/**
 * The facts script (waiting up to `lockWaitSec` for a held lock, reusing `known` contents) followed by a
 * `dropinText` line (path, base64 text) per file in the request's drop-in dirs that is not a managed file.
 */
export function driftScript(request: FactRequest, lockWaitSec = 0, known?: KnownFiles): string {
  const lines = request.dropinDirs.map((dir) => {
    const managed = managedDropins(request, dir);
    const skip = managed.length > 0 ? `case $f in ${managed.map(quoteArg).join('|')}) continue;; esac; ` : '';
    return `for f in ${quoteArg(dir)}/*; do ${skip}[ -f "$f" ] && ${printTagged(TAG.dropinText, '"$f"', `"$(head -c ${DROPIN_TEXT_LIMIT} "$f" | hf_b64)"`)}; done`;
  });
  return `${factsScript(request, undefined, { waitSec: lockWaitSec, known })}${lines.join('\n')}\n`;
}

/** The drop-in texts the drift script printed, by path, with the managed drop-ins' texts taken from `facts`. */
export function parseDropinTexts(
  stdout: string,
  request: FactRequest,
  facts: HostFacts,
): Map<string, string> {
  const texts = new Map<string, string>();
  for (const dir of request.dropinDirs) {
    for (const file of managedDropins(request, dir)) {
      const fact = facts.files.get(file);
      if (fact?.exists && fact.content !== undefined) texts.set(file, dropinText(fact.content));
    }
  }
  for (const [path, encoded] of linesTagged(stdout, TAG.dropinText)) {
    if (path) texts.set(path, base64Field(encoded));
  }
  return texts;
}

// A text as `head -c DROPIN_TEXT_LIMIT` reads it.
function dropinText(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return bytes.length <= DROPIN_TEXT_LIMIT ? content : bytes.subarray(0, DROPIN_TEXT_LIMIT).toString('utf8');
}
