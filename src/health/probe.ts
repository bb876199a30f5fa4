// The endpoint probe: one HTTP GET on the host's localhost with bash's /dev/tcp, and what its outcome means.
import { base64Field, linesTagged, printTagged, TAG } from '../remote/protocol.js';
import { quoteArg } from '../util/shell-quote.js';

/** Seconds one probe waits for the status line. */
export const PROBE_TIMEOUT_SEC = 3;

/** What asking an endpoint gave; each way of not answering is its own kind. */
export type ProbeOutcome =
  | { kind: 'http'; code: number }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'unresolved' }
  | { kind: 'closed' }
  | { kind: 'no-bash' }
  | { kind: 'error'; message: string };

/** An endpoint to probe: `http://localhost:PORT/PATH` for a unit. */
export interface Endpoint {
  unit: string;
  port: number;
  path: string;
}

/**
 * The probe, run by `bash -c` with `UNIT PORT PATH` triples as arguments: one
 * `H<TAB>unit<TAB>rc<TAB>base64(text)<TAB>code` line per endpoint, where rc is 0 (the text is the status line,
 * code its status), 10 (could not connect: the text is bash's message), 11 (closed without a status line) or
 * 12 (no status line within PROBE_TIMEOUT_SEC).
 */
export const PROBE_BASH = String.raw`hf_one() {
  exec 2>&1; trap '' PIPE
  exec 3<>"/dev/tcp/localhost/$1" || exit 10
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nUser-Agent: hfleet\r\nConnection: close\r\n\r\n' "$2" >&3
  IFS= read -r -t ${PROBE_TIMEOUT_SEC} hf_line <&3; hf_rc=$?
  [ "$hf_rc" -gt 128 ] && exit 12
  [ -z "$hf_line" ] && exit 11
  printf '%s' "${'$'}{hf_line%$'\r'}"
}
while [ $# -ge 3 ]; do
  hf_out=$(hf_one "$2" "$3"); hf_rc=$?
  hf_code=-; [ "$hf_rc" = 0 ] && { hf_code=${'$'}{hf_out#* }; hf_code=${'$'}{hf_code%% *}; }
  printf '${TAG.probe}\t%s\t%s\t' "$1" "$hf_rc"; base64 -w0 <<<"$hf_out"; printf '\t%s\n' "$hf_code"
  shift 3
done`;

/** Defines the sh function `hf_probe UNIT PORT PATH...`: the probe's lines, rc 127 for each when there is no bash. */
export const PROBE_FUNCTION = `hf_probe() {
  if command -v bash >/dev/null 2>&1; then
    LC_ALL=C timeout $(( ${PROBE_TIMEOUT_SEC} * ($# / 3) + 2 )) bash -c ${quoteArg(PROBE_BASH)} hf_probe "$@"
  else while [ $# -ge 3 ]; do ${printTagged(TAG.probe, '"$1"', '127', "''", '-')}; shift 3; done; fi
}`;

/** The sh commands that probe these endpoints (the function, then one call for all of them). */
export function probeCommand(endpoints: readonly Endpoint[]): string {
  const args = endpoints.flatMap(({ unit, port, path }) => [quoteArg(unit), String(port), quoteArg(path)]);
  return `${PROBE_FUNCTION}\nhf_probe ${args.join(' ')}`;
}

/** The outcome of each unit's probe line in some output; a unit without a line never reported (timeout). */
export function parseProbeLines(stdout: string, endpoints: readonly Endpoint[]): Map<string, ProbeOutcome> {
  const outcomes = new Map<string, ProbeOutcome>();
  for (const [unit = '', rc = '', text = ''] of linesTagged(stdout, TAG.probe)) {
    // The text is encoded from a here-string (one process, not a pipeline): it ends with one added newline.
    if (/^\d+$/.test(rc)) outcomes.set(unit, probeOutcome(Number(rc), base64Field(text).replace(/\n$/, '')));
  }
  for (const { unit } of endpoints) if (!outcomes.has(unit)) outcomes.set(unit, probeOutcome(undefined, ''));
  return outcomes;
}

/** The outcome of one probe line's rc and decoded text; `undefined` rc means the probe never reported. */
export function probeOutcome(rc: number | undefined, text: string): ProbeOutcome {
  if (rc === undefined) return { kind: 'timeout' };
  if (rc === 127) return { kind: 'no-bash' };
  if (rc === 12) return { kind: 'timeout' };
  // 141: SIGPIPE, the server closed before the request was written.
  if (rc === 11 || rc === 141) return { kind: 'closed' };
  if (rc === 0) {
    const status = /^HTTP\/\d(?:\.\d)? (\d{3})\b/.exec(text);
    return status
      ? { kind: 'http', code: Number(status[1]) }
      : { kind: 'error', message: 'not an HTTP answer' };
  }
  if (/Connection refused/i.test(text)) return { kind: 'refused' };
  if (/name resolution|not known|No address associated|Invalid argument/i.test(text))
    return { kind: 'unresolved' };
  if (/timed out/i.test(text)) return { kind: 'timeout' };
  const last = text.trim().split('\n').pop() ?? '';
  return { kind: 'error', message: last.replace(/^.*?: line \d+: /, '') || `probe exit ${rc}` };
}

/** True when the endpoint answered 200. */
export function probeHealthy(outcome: ProbeOutcome | undefined): boolean {
  return outcome?.kind === 'http' && outcome.code === 200;
}

/** The HTTP status for reports that keep a number: the code, or 0 when nothing answered. */
export function probeCode(outcome: ProbeOutcome | undefined): number {
  return outcome?.kind === 'http' ? outcome.code : 0;
}

/** What a probe outcome says, e.g. `HTTP 503`, `connection refused`, `bash not installed on the host`. */
export function describeProbe(outcome: ProbeOutcome | undefined): string {
  if (!outcome) return 'not probed';
  switch (outcome.kind) {
    case 'http':
      return `HTTP ${outcome.code}`;
    case 'refused':
      return 'connection refused';
    case 'timeout':
      return `no answer within ${PROBE_TIMEOUT_SEC} s`;
    case 'unresolved':
      return 'localhost does not resolve on the host';
    case 'closed':
      return 'connection closed without an HTTP answer';
    case 'no-bash':
      return 'bash not installed on the host';
    case 'error':
      return outcome.message;
  }
}

/** A short word for tables: `200`, `503`, `refused`, `timeout`, `no-dns`, `closed`, `no-bash`, `error`. */
export function probeWord(outcome: ProbeOutcome | undefined): string {
  if (!outcome) return '-';
  if (outcome.kind === 'http') return String(outcome.code);
  return outcome.kind === 'unresolved' ? 'no-dns' : outcome.kind;
}
