import { describe, expect, it } from 'vitest';
import { isWatchablePath, pathValueProblem } from '../../../../src/systemd/lint/path-values.js';

// Each case was put to systemd-analyze verify (systemd 252); the conformance files hold the same shapes.
describe('path values, as systemd 252 reads them', () => {
  it.each([
    [
      'Service',
      'StateDirectory',
      ['app', 'app/sub', 'one two', 'app:link', 'app/', './app', 'privatex', '%N'],
      ['/var/lib/app', 'one /two', 'app:/link', '../app', 'a/../b', '.', 'private', 'private/x'],
    ],
    ['Service', 'RuntimeDirectory', ['app'], ['/run/app']],
    ['Service', 'LogsDirectory', ['app'], ['/var/log/app']],
    [
      'Service',
      'ReadWritePaths',
      ['/srv/data', '/a /b', '-/srv/maybe', '-+/srv/x', '/a/./b', '"/srv/with space"'],
      ['var/lib/app', '-var/x', '+-/x', '/a/../b', '~/x', '/srv # comment', '"var/x"'],
    ],
    ['Service', 'InaccessiblePaths', ['/home'], ['home']],
    [
      'Service',
      'BindPaths',
      ['/srv/x', '/a:/b:norbind', '-/a:/b:rbind', '/a /b:/c', '%h/a:/b'],
      ['srv/x:/x', '/srv/x:x', '/a::/b', '/a:/b:ro', '/a:/b:rbind,norbind'],
    ],
    ['Service', 'BindReadOnlyPaths', ['/etc/app:/etc/app'], ['etc/app']],
    ['Service', 'TemporaryFileSystem', ['/var:ro', '/var:size=10M,mode=0755', '/var /tmp'], ['var']],
    ['Unit', 'RequiresMountsFor', ['/srv /mnt/data'], ['srv/data']],
    ['Path', 'PathChanged', ['/etc/app.conf', ' /etc/x ', '/etc/./x'], ['some/path', '/etc/../x']],
    ['Socket', 'ListenFIFO', ['/run/app.fifo'], ['run/app.fifo']],
  ])('[%s] %s', (section, key, accepted, ignored) => {
    for (const value of accepted) expect(pathValueProblem(section, key, value), value).toBeUndefined();
    for (const value of ignored) expect(pathValueProblem(section, key, value), value).toMatch(/ignoring/);
  });

  it('names the word systemd drops and why', () => {
    expect(pathValueProblem('Service', 'StateDirectory', 'app /var/lib/other')).toBe(
      'StateDirectory= path is absolute, ignoring: /var/lib/other',
    );
    expect(pathValueProblem('Service', 'ReadOnlyPaths', '/etc var/lib')).toBe(
      'ReadOnlyPaths= path is not absolute, ignoring: var/lib',
    );
  });

  it('leaves words with a specifier or an escape alone, and settings it does not know', () => {
    expect(pathValueProblem('Service', 'CacheDirectory', '%t/app')).toBeUndefined();
    expect(pathValueProblem('Service', 'CacheDirectory', 'a\\:b')).toBeUndefined();
    expect(pathValueProblem('Service', 'ExecSearchPath', 'bin')).toBeUndefined();
    expect(pathValueProblem('Service', 'PathChanged', 'relative')).toBeUndefined();
  });

  it('a watched path is absolute, or left to a specifier', () => {
    expect(isWatchablePath('/srv/in')).toBe(true);
    expect(isWatchablePath('%h/in')).toBe(true);
    expect(isWatchablePath('in')).toBe(false);
  });
});
