// What serve prints once it listens: a line for people, or with --json one JSON line for scripts (docs/json.md).

/** What serve says once its port is bound. */
export interface Listening {
  url: string;
  hosts: number;
  intervalSec: number;
}

/**
 * The line printed on stdout: `hfleet serve: URL (...)`, or with `json` one JSON object with `url`, `listen`
 * (ADDR:PORT as bound, so `--listen 127.0.0.1:0` tells its port), `hosts`, `interval_seconds` and `pid`.
 * Never the token.
 */
export function listeningLine(listening: Listening, json: boolean): string {
  if (!json) {
    return `hfleet serve: ${listening.url} (${listening.hosts} hosts, a sweep every ${listening.intervalSec} s; Ctrl-C stops)\n`;
  }
  const document = {
    url: listening.url,
    listen: new URL(listening.url).host,
    hosts: listening.hosts,
    interval_seconds: listening.intervalSec,
    pid: process.pid,
  };
  return `${JSON.stringify(document)}\n`;
}
