import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRenderedFiles } from '../../../src/render/write-rendered.js';

const scratch = mkdtempSync(join(tmpdir(), 'hfleet-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = {
  path: '/etc/systemd/system/x.service.d/local.conf',
  content: '[Service]\n',
  unit: 'x.service',
  kind: 'dropin' as const,
};

describe('writeRenderedFiles', () => {
  it('writes files below DIR/HOST at their host path, mode 0644', () => {
    const dir = writeRenderedFiles(scratch, 'acme-1', [file]);
    const target = join(dir, file.path);
    expect(readFileSync(target, 'utf8')).toBe('[Service]\n');
    expect(statSync(target).mode & 0o777).toBe(0o644);
  });

  it('refuses host names that would escape the output directory', () => {
    expect(() => writeRenderedFiles(scratch, '..', [file])).toThrow(/cannot be used as a directory name/);
    expect(() => writeRenderedFiles(scratch, 'a/../../b', [file])).toThrow(
      /cannot be used as a directory name/,
    );
  });
});
