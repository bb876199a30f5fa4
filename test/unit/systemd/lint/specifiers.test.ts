import { describe, expect, it } from 'vitest';
import { isTemplatePath, resolveSpecifiers, usesInstance } from '../../../../src/systemd/lint/specifiers.js';
import { unitNameFromPath } from '../../../../src/systemd/lint/unit-name.js';

describe('specifiers', () => {
  it('resolves known specifiers to stand-ins; %i is empty outside a template', () => {
    expect(resolveSpecifiers('%h/data %i 100%%', false)).toEqual({
      value: '/h/data  100%',
      unknown: [],
      deprecated: [],
    });
    expect(resolveSpecifiers('%i', true).value).toBe('instance');
    expect(resolveSpecifiers('a=%z', false).unknown).toEqual(['%z']);
    expect(resolveSpecifiers('%7', false).unknown).toEqual(['%7']);
  });

  it('keeps a % before anything but a letter or digit as written, as systemd does', () => {
    expect(resolveSpecifiers('load 90% - rising to 100%', false)).toEqual({
      value: 'load 90% - rising to 100%',
      unknown: [],
      deprecated: [],
    });
  });

  it('resolves the deprecated cgroup specifiers and names them', () => {
    expect(resolveSpecifiers('/sys/fs/cgroup%c', false).deprecated).toEqual(['%c']);
    expect(resolveSpecifiers('%r %R', false)).toMatchObject({ unknown: [], deprecated: ['%r', '%R'] });
  });

  it('knows template paths and instance specifiers', () => {
    expect(isTemplatePath('/lib/systemd/system/getty@.service')).toBe(true);
    expect(isTemplatePath('/etc/systemd/system/getty@.service.d/local.conf')).toBe(true);
    expect(isTemplatePath('getty@tty1.service')).toBe(false);
    expect(usesInstance('User=%i')).toBe(true);
    expect(usesInstance('100%%i')).toBe(false);
  });
});

describe('unitNameFromPath', () => {
  it.each([
    ['/', 'mount', '-.mount'],
    ['/srv/data', 'mount', 'srv-data.mount'],
    ['/srv/my-data/', 'mount', 'srv-my\\x2ddata.mount'],
    ['/dev/disk/by-label/swap', 'swap', 'dev-disk-by\\x2dlabel-swap.swap'],
    ['/srv/.hidden', 'mount', 'srv-.hidden.mount'],
  ])('%s → %s', (path, type, name) => expect(unitNameFromPath(path, type)).toBe(name));
});
