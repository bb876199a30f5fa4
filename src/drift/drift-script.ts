// Drift's one round trip: the facts script (no lock: drift only reads) plus the text of every drop-in.
import { factsScript } from '../facts/script.js';
import type { FactRequest } from '../facts/types.js';
import { quoteArg } from '../util/shell-quote.js';

/** The largest drop-in read back, in bytes (a drop-in is a few lines; this bounds a stray big file). */
export const DROPIN_TEXT_LIMIT = 65536;

// The facts script followed by `X<TAB>path<TAB>base64` lines for each file in the request's drop-in dirs.
export function driftScript(request: FactRequest): string {
  const lines = request.dropinDirs.map(
    (dir) =>
      `for f in ${quoteArg(dir)}/*; do [ -f "$f" ] && printf 'X\\t%s\\t%s\\n' "$f" "$(head -c ${DROPIN_TEXT_LIMIT} "$f" | hf_b64)"; done`,
  );
  return `${factsScript(request)}${lines.join('\n')}\n`;
}

// The drop-in texts the drift script printed, by path.
export function parseDropinTexts(stdout: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [tag, path, encoded = ''] = line.split('\t');
    if (tag === 'X' && path) texts.set(path, Buffer.from(encoded, 'base64').toString('utf8'));
  }
  return texts;
}
