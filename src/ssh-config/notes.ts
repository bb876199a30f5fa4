// What hfleet leaves out of an ssh config, worth one warning line each (Include, Match exec, canonicalization).
import SSHConfig, { type Directive } from 'ssh-config';
import { parseSshConfig } from './resolve.js';

// Every directive at any depth, in order.
function* directives(config: SSHConfig): Generator<Directive> {
  for (const line of config) {
    if (line.type !== SSHConfig.DIRECTIVE) continue;
    yield line;
    if ('config' in line) yield* directives(line.config);
  }
}

// One line per config feature hfleet does not act on, for the operator to see once per run.
export function sshConfigNotes(text: string, file: string): string[] {
  const notes = new Set<string>();
  for (const line of directives(parseSshConfig(text))) {
    const param = line.param.toLowerCase();
    if (param === 'include') notes.add(`${file}: Include is not followed; hfleet reads only this file`);
    if (param === 'match' && /\bexec\b/i.test(JSON.stringify(line.value)))
      notes.add(`${file}: Match exec blocks never match (hfleet runs no local commands)`);
    if (param === 'canonicalizehostname') notes.add(`${file}: CanonicalizeHostName is ignored`);
    if (param === 'proxycommand') notes.add(`${file}: ProxyCommand is ignored (ProxyJump is supported)`);
  }
  return [...notes];
}
