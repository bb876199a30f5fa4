// Run a command and time it from spawn to exit (wall clock), keeping its output.
import { spawn } from 'node:child_process';

// Spawn argv, wait for it; resolves to its exit code, output and seconds taken.
export function timed(argv, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...(options.env ?? {}) },
      cwd: options.cwd,
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}

// The bare OpenSSH floor: `ssh host true` to every host at once; seconds until the last one exits.
export async function sshFanOut(lab, hosts) {
  const started = performance.now();
  const runs = await Promise.all(
    hosts.map((host) =>
      timed([
        'ssh',
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        `UserKnownHostsFile=${lab.knownHostsPath}`,
        '-i',
        lab.keyPath,
        `root@${host.address}`,
        'true',
      ]),
    ),
  );
  const failed = runs.filter((run) => run.code !== 0);
  if (failed.length > 0) throw new Error(`ssh fan-out: ${failed.length} host(s) failed: ${failed[0].stderr}`);
  return (performance.now() - started) / 1000;
}
