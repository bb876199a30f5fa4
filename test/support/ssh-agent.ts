// A real ssh-agent for tests (OpenSSH's), holding the keys a test adds; stopped and removed by `stop`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running agent: its socket, a way to add a private key (text), and a way to stop it. */
export interface TestAgent {
  socket: string;
  add(privateKey: string): void;
  stop(): void;
}

// Start `ssh-agent -D` on a private socket and wait until it listens.
export async function startAgent(): Promise<TestAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'hfleet-agent-'));
  const socket = join(dir, 'agent.sock');
  const child = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !existsSync(socket); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  let added = 0;
  return {
    socket,
    add: (privateKey) => {
      const file = join(dir, `key${added++}`);
      writeFileSync(file, privateKey, { mode: 0o600 });
      execFileSync('ssh-add', ['-q', file], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
        stdio: 'ignore',
      });
      rmSync(file);
    },
    stop: () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
