// A ResolveEnvironment over in-memory files, for resolving configs without touching the machine.
import { dirname } from 'node:path';
import type { ResolveEnvironment } from '../../../src/ssh-config/environment.js';

/** The environment plus the `Match exec` commands it was asked to run. */
export interface FakeEnvironment extends ResolveEnvironment {
  executed: string[];
}

// An environment for user `tester` (home /home/tester) whose files are `files` (those in `unsafe` owned by
// another user, so ssh stops on them); `Match exec` succeeds for commands starting with `true`.
export function fakeEnvironment(files: Record<string, string> = {}, unsafe: string[] = []): FakeEnvironment {
  const executed: string[] = [];
  return {
    home: '/home/tester',
    globHome: '/home/tester',
    localUser: 'tester',
    uid: 1000,
    cwd: '/work',
    localHost: 'laptop.lan',
    env: { HOME: '/home/tester', AGENT_DIR: '/run/agents' },
    readText: (path) => files[path],
    sshReadsConfig: (path) => !unsafe.includes(path),
    listDirectory: (path) =>
      Object.keys(files)
        .filter((file) => dirname(file) === path)
        .map((file) => file.slice(path.length + 1)),
    runExec: (command) => {
      executed.push(command);
      return command.startsWith('true') ? 0 : 1;
    },
    servicePort: (name) => ({ ssh: 22, https: 443 })[name],
    userHome: (name) => ({ root: '/root', tester: '/home/tester' })[name],
    executed,
  };
}
