// hfleet's ssh config resolution against OpenSSH's own (`ssh -G`) on every host of every corpus config.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processResolveEnvironment } from '../../../src/ssh-config/environment.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { hostsOf, installCorpus } from '../../support/ssh-config-corpus.js';
import { differences, hfleetAnswer, sshAnswer } from './oracle.js';

describe('ssh config conformance with ssh -G', () => {
  let home = '';
  let skipReason: string | undefined;

  beforeAll(async () => {
    const packages = await ensureDebianPackages(['openssh-client']);
    if (!packages.ok) skipReason = packages.reason;
    home = mkdtempSync(join(tmpdir(), 'hfleet-conformance-'));
    installCorpus(home);
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
