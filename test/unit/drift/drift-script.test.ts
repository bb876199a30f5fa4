import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { driftScript, parseDropinTexts } from '../../../src/drift/drift-script.js';
import { parseFacts } from '../../../src/facts/parse.js';
import type { FactRequest } from '../../../src/facts/types.js';
import { linesTagged, TAG } from '../../../src/remote/protocol.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';
import { scratchDir } from '../../support/scratch-dir.js';

let session: ShellSession | undefined;
afterEach(() => session?.close());

// Run the drift script for these managed files and drop-in directories (nothing else) by a local sh.
async function runDriftScript(files: string[], dropinDirs: string[]) {
  const request: FactRequest = {
    files,
    dropinDirs,
    users: [],
    ownership: [],
    units: [],
    health: [],
    exists: [],
  };
  session = new ShellSession(localShellChannel(), 'local');
  const run = await session.run(driftScript(request), { timeoutMs: 10_000, what: 'drift' });
  return { request, run, roundTrips: session.stats.roundTrips };
}

describe('the drift script, run by a real sh', () => {
  it('reads facts and every drop-in text in one round trip, without taking the lock', async () => {
    const dir = scratchDir('hfleet-drift-');
    const dropins = path.join(dir, "it's.service.d");
    mkdirSync(dropins);
    writeFileSync(path.join(dropins, 'er-limits.conf'), '[Service]\nEnvironment=A=1\n');
    writeFileSync(path.join(dropins, 'zz $(touch pwned).conf'), '[Service]\nUser=nobody\n');
    const { request, run, roundTrips } = await runDriftScript(
      [path.join(dir, "it's.service")],
      [dropins, path.join(dir, 'none.d')],
    );
    expect(roundTrips).toBe(1);
    expect(run.stdout).not.toContain(`${TAG.lock}\t`);
    const facts = parseFacts(run.stdout, request);
    expect(
      facts.dropins
        .get(dropins)
        ?.map((d) => d.name)
        .sort(),
    ).toEqual(['er-limits.conf', 'zz $(touch pwned).conf']);
    const texts = parseDropinTexts(run.stdout, request, facts);
    expect(texts.get(path.join(dropins, 'er-limits.conf'))).toBe('[Service]\nEnvironment=A=1\n');
    expect(texts.get(path.join(dropins, 'zz $(touch pwned).conf'))).toBe('[Service]\nUser=nobody\n');
    expect(texts.size).toBe(2);
  });

  it('takes the text of a managed drop-in from its file fact instead of reading it twice', async () => {
    const dir = scratchDir('hfleet-drift-');
    const dropins = path.join(dir, 'a.service.d');
    mkdirSync(dropins);
    const managed = path.join(dropins, 'local.conf');
    writeFileSync(managed, '[Service]\nNice=5\n');
    writeFileSync(path.join(dropins, 'stray.conf'), '[Service]\nUser=nobody\n');
    const { request, run } = await runDriftScript([managed], [dropins]);
    expect(linesTagged(run.stdout, TAG.dropinText).map(([file]) => file)).toEqual([
      path.join(dropins, 'stray.conf'),
    ]);
    const texts = parseDropinTexts(run.stdout, request, parseFacts(run.stdout, request));
    expect(Object.fromEntries(texts)).toEqual({
      [managed]: '[Service]\nNice=5\n',
      [path.join(dropins, 'stray.conf')]: '[Service]\nUser=nobody\n',
    });
  });
});
