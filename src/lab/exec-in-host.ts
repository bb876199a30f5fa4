// Running a shell script inside a lab host through its namespaces (not over SSH), for tests that tamper by hand.
import { HfleetError } from '../errors.js';
import { containerLeader, isNspawnOf } from './processes.js';
import { type RunResult, run } from './run.js';
import { findRecordedHost, readRecordedState } from './state.js';

/** The nsenter command line running `sh -c script` in the namespaces of a container's PID 1. */
export function nsenterArgs(leaderPid: number, script: string): string[] {
  return [
    'nsenter',
    '-t',
    String(leaderPid),
    '-m',
    '-u',
    '-i',
    '-n',
    '-p',
    '-C',
    '--',
    '/bin/sh',
    '-c',
    script,
  ];
}

/** Run `sh -c script` as root inside the host; resolves to its exit code and output (a failing script is no error). */
export async function labExec(hostName: string, script: string): Promise<RunResult> {
  const recorded = readRecordedState();
  const host = recorded && findRecordedHost(recorded, hostName);
  if (!host) throw new HfleetError('LAB', `no lab host named ${hostName}`, { hint: 'see hfleet lab status' });
  const leader = isNspawnOf(host.pid, host.machine) && host.pid ? containerLeader(host.pid) : undefined;
  if (!leader) throw new HfleetError('LAB', `lab host ${hostName} is not running`, { hint: 'hfleet lab up' });
  return run(nsenterArgs(leader, script), {
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      HOME: '/root',
    },
  });
}
