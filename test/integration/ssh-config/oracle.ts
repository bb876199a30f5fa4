// The oracle of the conformance suite: `ssh -G -F FILE HOST` (no connection made), and hfleet's answer beside it.
import { spawnSync } from 'node:child_process';
import { HfleetError } from '../../../src/errors.js';
import type { ResolveEnvironment } from '../../../src/ssh-config/environment.js';
import { resolveConfig } from '../../../src/ssh-config/resolve.js';
import { type SshView, sshView, VIEW_KEYWORDS, type ViewKeyword } from '../../../src/ssh-config/view.js';

/** One side's answer: the keywords' lines, or the line number of the error (0 when none was printed). */
export type Answer = { view: Partial<SshView> } | { errorLine: number };

// What `ssh -G` prints for the compared keywords, or where it stopped.
export function sshAnswer(file: string, host: string, home: string): Answer {
  const run = spawnSync('ssh', ['-G', '-F', file, host], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) {
    const line = /line (\d+)/.exec(run.stderr)?.[1];
    return { errorLine: line === undefined ? 0 : Number(line) };
  }
  const view: Partial<SshView> = {};
  for (const keyword of VIEW_KEYWORDS) view[keyword] = [];
  for (const text of run.stdout.split('\n')) {
    const space = text.indexOf(' ');
    const keyword = text.slice(0, space) as ViewKeyword;
    if (VIEW_KEYWORDS.includes(keyword)) view[keyword]?.push(text.slice(space + 1));
  }
  return { view };
}

// hfleet's answer for the same file and host.
export function hfleetAnswer(file: string, text: string, host: string, env: ResolveEnvironment): Answer {
  try {
    return { view: sshView(resolveConfig({ file, text, destination: host, env }), env) };
  } catch (error) {
    if (!(error instanceof HfleetError)) throw error;
    const line = /:(\d+): /.exec(error.message)?.[1];
    return { errorLine: line === undefined ? 0 : Number(line) };
  }
}

/** The keywords on which two answers differ (`error` when only one failed, or failed on other lines). */
export function differences(ssh: Answer, hfleet: Answer): string[] {
  if ('errorLine' in ssh || 'errorLine' in hfleet) {
    if ('errorLine' in ssh && 'errorLine' in hfleet) {
      return ssh.errorLine === 0 || ssh.errorLine === hfleet.errorLine
        ? []
        : [`error line ${ssh.errorLine} vs ${hfleet.errorLine}`];
    }
    return [`error: ssh ${JSON.stringify(ssh)} hfleet ${JSON.stringify(hfleet)}`];
  }
  return VIEW_KEYWORDS.filter(
    (keyword) => JSON.stringify(ssh.view[keyword]) !== JSON.stringify(hfleet.view[keyword]),
  ).map(
    (keyword) =>
      `${keyword}: ssh ${JSON.stringify(ssh.view[keyword])} hfleet ${JSON.stringify(hfleet.view[keyword])}`,
  );
}
