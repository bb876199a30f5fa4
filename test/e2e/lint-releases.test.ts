// lint's key tables against the real systemd of each supported Debian release: the 252 table is what
// bookworm's systemd lists, the newer-key list is exactly what trixie's 257 adds, the older-key list exactly
// what bullseye's 247 has and 252 dropped, and no key 257 or 247 knows is an unknown-key error. The binaries
// come from the lab's base images (built here when missing, cached).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildBaseImage } from '../../src/lab/base-image.js';
import { DEFAULT_CACHE_DIR } from '../../src/lab/layout.js';
import type { LabRelease } from '../../src/lab/releases.js';
import { readRecordedState } from '../../src/lab/state.js';
import { DIRECTIVE_TABLE, DIRECTIVE_TABLE_VERSION } from '../../src/systemd/lint/directive-table.js';
import { lintUnitFile } from '../../src/systemd/lint/lint-unit.js';
import { OLDER_DIRECTIVES_VERSION, olderDirectiveSections } from '../../src/systemd/lint/older-directives.js';
import { addedKeys, dumpItems, systemdVersion } from '../conformance/dump-items.mjs';
import { newerDirectivesSource } from '../conformance/write-newer-directives.mjs';
import { describeWithLab, requireLabState } from './lab-context.js';

const NEWER_SOURCE = path.resolve(import.meta.dirname, '../../src/systemd/lint/newer-directives.ts');

/** A file name lint reads as a unit of the type that has `section`. */
const UNIT_OF_SECTION: Record<string, string> = {
  Unit: 'probe.service',
  Install: 'probe.service',
  Service: 'probe.service',
  Socket: 'probe.socket',
  Mount: 'probe.mount',
  Swap: 'probe.swap',
  Slice: 'probe.slice',
  Scope: 'probe.scope',
  Timer: 'probe.timer',
  Path: 'probe.path',
  Automount: 'probe.automount',
};

// The keys (in the sections given) that lint does not call `rule` on a probe unit, or calls unknown-key.
function keysNotFoundAs(rule: string, keys: Map<string, readonly string[]>): string[] {
  const wrong: string[] = [];
  for (const [key, sections] of keys) {
    for (const section of sections) {
      const unit = UNIT_OF_SECTION[section];
      if (!unit) throw new Error(`no probe unit for [${section}]`);
      const findings = lintUnitFile({
        path: `/etc/systemd/system/${unit}`,
        content: `[${section}]\n${key}=x\n`,
      });
      const rules = findings.filter((f) => f.line === 2).map((f) => f.rule);
      if (!rules.includes(rule) || rules.includes('unknown-key'))
        wrong.push(`[${section}] ${key}: ${rules.join(', ') || 'no finding'}`);
    }
  }
  return wrong;
}

describeWithLab('lint tables against the systemd of each release', () => {
  const roots = {} as Record<LabRelease, string>;

  beforeAll(async () => {
    requireLabState();
    const cacheDir = readRecordedState()?.cacheDir ?? DEFAULT_CACHE_DIR;
    for (const release of ['bullseye', 'bookworm', 'trixie'] as const)
      roots[release] = await buildBaseImage(cacheDir, release);
  });

  it("the table is bookworm's systemd's own list, key for key", () => {
    expect(systemdVersion(roots.bookworm)).toBe(DIRECTIVE_TABLE_VERSION);
    const real = Object.fromEntries(
      [...dumpItems(roots.bookworm)].map(([section, keys]) => [section, Object.fromEntries(keys)]),
    );
    expect(DIRECTIVE_TABLE).toEqual(real);
  });

  it("the newer-key list is what trixie's systemd adds to bookworm's, as generated", () => {
    expect(systemdVersion(roots.trixie)).toBe(257);
    expect(readFileSync(NEWER_SOURCE, 'utf8')).toBe(newerDirectivesSource(roots.bookworm, roots.trixie));
  });

  it('every key systemd 257 adds is a newer-key warning, never an unknown-key error', () => {
    const added = addedKeys(dumpItems(roots.bookworm), dumpItems(roots.trixie));
    expect(added.size).toBeGreaterThan(0);
    expect(keysNotFoundAs('newer-key', added)).toEqual([]);
  });

  it("the older-key list is what bullseye's systemd has and bookworm's does not, each an older-key warning", () => {
    expect(systemdVersion(roots.bullseye)).toBe(OLDER_DIRECTIVES_VERSION);
    const dropped = addedKeys(dumpItems(roots.bookworm), dumpItems(roots.bullseye));
    expect(olderDirectiveSections()).toEqual(dropped);
    expect(keysNotFoundAs('older-key', dropped)).toEqual([]);
  });
});
