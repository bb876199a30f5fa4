// Drift's one round trip: the facts script (no lock: drift only reads) plus the text of every drop-in.
import { factsScript } from '../facts/script.js';
import type { FactRequest } from '../facts/types.js';
import { base64Field, linesTagged, printTagged, TAG } from '../remote/protocol.js';
import { quoteArg } from '../util/shell-quote.js';

/** The largest drop-in read back, in bytes (a drop-in is a few lines; this bounds a stray big file). */
export const DROPIN_TEXT_LIMIT = 65536;

/** The facts script (waiting up to `lockWaitSec` for a held lock) followed by a `dropinText` line (path, base64 text) per file in the request's drop-in dirs. */
export function driftScript(request: FactRequest, lockWaitSec = 0): string {
  const lines = request.dropinDirs.map(
    (dir) =>
      `for f in ${quoteArg(dir)}/*; do [ -f "$f" ] && ${printTagged(TAG.dropinText, '"$f"', `"$(head -c ${DROPIN_TEXT_LIMIT} "$f" | hf_b64)"`)}; done`,
  );
  return `${factsScript(request, undefined, { waitSec: lockWaitSec })}${lines.join('\n')}\n`;
}

/** The drop-in texts the drift script printed, by path. */
export function parseDropinTexts(stdout: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [path, encoded] of linesTagged(stdout, TAG.dropinText)) {
    if (path) texts.set(path, base64Field(encoded));
  }
  return texts;
}
