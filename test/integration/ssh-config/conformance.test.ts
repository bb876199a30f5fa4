// hfleet's ssh config resolution against OpenSSH's own (`ssh -G`) on every host of every corpus config.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processResolveEnvironment } from '../../../src/ssh-config/environment.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { differences, hfleetAnswer, sshAnswer } from './oracle.js';

const CORPUS = join(import.meta.dirname, '../../fixtures/ssh-config/corpus');

// The host names a corpus config is tried with (its first line: `# hosts: a b c`).
function hostsOf(text: string): string[] {
  return /^# hosts: (.*)$/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
}

// Make every file private (ssh refuses included files others can write).
function privateTree(path: string): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) privateTree(full);
    else chmodSync(full, 0o600);
  }
}

describe('ssh config conformance with ssh -G', () => {
  let home = '';
  let skipReason: string | undefined;

  beforeAll(async () => {
    const packages = await ensureDebianPackages(['openssh-client']);
    if (!packages.ok) skipReason = packages.reason;
    home = mkdtempSync(join(tmpdir(), 'hfleet-conformance-'));
    cpSync(CORPUS, join(home, '.ssh'), { recursive: true });
    privateTree(join(home, '.ssh'));
  });

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('agrees on every compared keyword of every host of the corpus', (context) => {
    if (skipReason) context.skip(skipReason);
    const env = { ...processResolveEnvironment(), globHome: home, env: { ...process.env, HOME: home } };
    const configs = readdirSync(join(home, '.ssh')).filter((name) => name.endsWith('.conf'));
    const disagreements: string[] = [];
    let lookups = 0;
    for (const name of configs) {
      const file = join(home, '.ssh', name);
      const text = readFileSync(file, 'utf8');
      for (const host of hostsOf(text)) {
        lookups++;
        for (const difference of differences(
          sshAnswer(file, host, home),
          hfleetAnswer(file, text, host, env),
        ))
          disagreements.push(`${name} ${host}: ${difference}`);
      }
    }
    const agreeing = lookups - new Set(disagreements.map((line) => line.split(':')[0])).size;
    process.stdout.write(
      `ssh -G conformance: ${agreeing} of ${lookups} host lookups agree on every keyword (${configs.length} configs)\n`,
    );
    expect(configs.length).toBeGreaterThanOrEqual(60);
    expect(disagreements).toEqual([]);
  });
});
