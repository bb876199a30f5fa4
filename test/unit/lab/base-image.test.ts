import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseIsCurrent, basePaths, debootstrapArgs, recipeStamp } from '../../../src/lab/base-image.js';
import { assetsDir } from '../../../src/lab/layout.js';
import { scratchDir } from '../../support/scratch-dir.js';

describe('the lab base image', () => {
  it('debootstraps minbase of the release with the host packages from the given mirror', () => {
    const args = debootstrapArgs('bullseye', '/c/base-bullseye.tmp-1', 'http://mirror.example/debian');
    expect(args.slice(0, 2)).toEqual(['debootstrap', '--variant=minbase']);
    expect(args[2]).toMatch(/^--include=.*openssh-server.*python3-uvicorn/);
    expect(args.slice(3)).toEqual(['bullseye', '/c/base-bullseye.tmp-1', 'http://mirror.example/debian']);
  });

  it('keeps one base per release, each with a stamp of its own', () => {
    expect(basePaths('/c', 'trixie')).toEqual({ base: '/c/base-trixie', stamp: '/c/base-trixie.stamp' });
    expect(recipeStamp('trixie')).not.toBe(recipeStamp('bookworm'));
  });

  it('changes its stamp when an asset changes, so a changed recipe rebuilds', () => {
    const copy = scratchDir('assets-');
    cpSync(assetsDir(), copy, { recursive: true });
    const before = recipeStamp('bookworm', copy);
    expect(recipeStamp('bookworm', copy)).toBe(before);
    writeFileSync(path.join(copy, 'rootfs/opt/honeyframe/paas/backend/.env'), 'SECRET_KEY=changed\n');
    expect(recipeStamp('bookworm', copy)).not.toBe(before);
  });

  it('treats an empty cache as not current', async () => {
    expect(await baseIsCurrent(scratchDir('cache-'), 'bookworm')).toBe(false);
  });
});
