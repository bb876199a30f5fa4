// Interrupting a run on a lab host at a named point: arm a failpoint, wait until the remote shell has stopped
// itself there (SIGSTOP), then resume it or kill it. Deterministic: no step depends on timing.
import { HOST_PATHS } from '../../../src/remote/commit-script.js';
import { onHost } from './fleet.js';

/** The points where the apply and health scripts can stop (see docs/reliability.md). */
export type FailpointName = 'temp-written' | 'renamed' | 'daemon-reload' | 'restarted' | 'health';

/** The stopped run's shell and the process that stopped (the detached commit part, or the shell itself). */
export interface StoppedRun {
  host: string;
  shell: number;
  self: number;
}

const DIR = HOST_PATHS.failpointDir;

// Arm `name` on a host: the next script reaching it stops there.
export async function armOnHost(host: string, name: FailpointName): Promise<void> {
  await onHost(host, `mkdir -p ${DIR} && rm -f ${DIR}/stopped.${name} && : > ${DIR}/failpoint.${name}`);
}

// Wait until a script on the host has stopped at `name`: its marker written and its process in state T.
export async function stoppedOnHost(
  host: string,
  name: FailpointName,
  deadlineMs = 60_000,
): Promise<StoppedRun> {
  const probe = `m=$(cat ${DIR}/stopped.${name} 2>/dev/null) || exit 0; set -- $m; s=$(cat /proc/$2/stat 2>/dev/null) || exit 0; s=\${s##*) }; echo "$1 $2 \${s%% *}"`;
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    const [shell, self, state] = (await onHost(host, probe)).trim().split(' ');
    if (state === 'T') return { host, shell: Number(shell), self: Number(self) };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${host}: no script stopped at failpoint ${name} within ${deadlineMs} ms`);
}

// Let the stopped run go on, and wait until it has ended (its shell too: the host lock goes with it).
export async function resumeOnHost(run: StoppedRun, deadlineMs = 120_000): Promise<void> {
  await onHost(run.host, `kill -CONT ${run.self}`);
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    const alive = `{ kill -0 ${run.self} || kill -0 ${run.shell}; } 2>/dev/null && echo alive || true`;
    if ((await onHost(run.host, alive)).trim() === '') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${run.host}: the resumed run (pid ${run.self}) did not end within ${deadlineMs} ms`);
}

// Kill the stopped run outright (as a crash or the OOM killer would): SIGKILL to it and to its shell.
export async function killOnHost(run: StoppedRun): Promise<void> {
  await onHost(run.host, `kill -KILL ${run.self} ${run.shell} 2>/dev/null; rm -f ${DIR}/stopped.*; true`);
}
