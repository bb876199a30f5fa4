// Failpoints for interruption tests: arm one, wait until the script has stopped itself there, then act.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The two processes a failpoint stopped: the script's shell and the part that stopped (maybe the same). */
export interface Stopped {
  shell: number;
  self: number;
}

// Arm a failpoint: the next script that reaches `name` stops itself (SIGSTOP) there, once.
export function armFailpoint(dir: string, name: string): void {
  writeFileSync(path.join(dir, `failpoint.${name}`), '');
}

function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

// Wait until a script has stopped at failpoint `name` (its marker written and its process in state T).
export async function stoppedAt(dir: string, name: string, deadlineMs = 20_000): Promise<Stopped> {
  const marker = path.join(dir, `stopped.${name}`);
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (existsSync(marker)) {
      const [shell = 0, self = 0] = readFileSync(marker, 'utf8').trim().split(' ').map(Number);
      if (processState(self) === 'T') return { shell, self };
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no script stopped at failpoint ${name} within ${deadlineMs} ms`);
}
