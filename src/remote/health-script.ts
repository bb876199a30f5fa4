// The health command: wait, on the host, until each unit is active and its endpoint answers 200.
import type { ResolvedHealthTask } from '../playbook/types.js';
import { quoteArg } from '../util/shell-quote.js';

const PRELUDE = String.raw`hf_wait() {
  hf_end=$(( $(date +%s) + $4 ))
  while :; do
    hf_state=$(systemctl is-active "$1" 2>/dev/null)
    hf_code=-
    [ -n "$2" ] && hf_code=$(curl -s -o /dev/null -w '%{http_code}' -m 3 "http://localhost:$2$3" 2>/dev/null)
    if [ "$hf_state" = active ] && { [ -z "$2" ] || [ "$hf_code" = 200 ]; }; then
      printf 'H\t%s\tok\t%s\t%s\n' "$1" "$hf_state" "$hf_code"; return 0
    fi
    if [ "$(date +%s)" -ge "$hf_end" ]; then printf 'H\t%s\tfail\t%s\t%s\n' "$1" "$hf_state" "$hf_code"; return 0; fi
    sleep 1
  done
}
`;

// Poll every check in parallel on the host until it passes or its timeout runs out.
export function healthScript(checks: readonly ResolvedHealthTask[]): string {
  const lines = [PRELUDE];
  for (const check of checks) {
    const port = check.port === undefined ? "''" : String(check.port);
    lines.push(
      `hf_wait ${quoteArg(check.unit)} ${port} ${quoteArg(check.path)} ${Math.max(1, Math.floor(check.timeoutSec))} &`,
    );
  }
  lines.push('wait');
  return `${lines.join('\n')}\n`;
}

/** The result of one health check. */
export interface HealthOutcome {
  unit: string;
  healthy: boolean;
  state: string;
  /** HTTP status, or undefined when the check has no endpoint. */
  http: number | undefined;
}

// Parse the health script's lines.
export function parseHealthOutput(stdout: string): HealthOutcome[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('H\t'))
    .map((line) => {
      const [, unit = '', result = '', state = '', code = ''] = line.split('\t');
      return {
        unit,
        healthy: result === 'ok',
        state: state || 'unknown',
        http: code === '-' ? undefined : Number(code) || 0,
      };
    });
}

// One line describing an unhealthy check, e.g. `hub-cloud.service: /api/health 503 after 60 s (active)`.
export function describeUnhealthy(check: ResolvedHealthTask, outcome: HealthOutcome | undefined): string {
  if (!outcome) return `${check.unit}: no health result`;
  if (outcome.state !== 'active') return `${check.unit}: ${outcome.state} after ${check.timeoutSec} s`;
  return `${check.unit}: ${check.path} ${outcome.http || 'no answer'} after ${check.timeoutSec} s`;
}
