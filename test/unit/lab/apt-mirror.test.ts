import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAptMirror, mirrorFromDeb822, mirrorFromSourcesList } from '../../../src/lab/apt-mirror.js';
import { scratchDir } from '../../support/scratch-dir.js';

const DEB822 = `Types: deb
# http://archive.example/snapshot
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main

Types: deb
URIs: http://security.example/debian-security
Suites: bookworm-security
Components: main
`;

describe('apt mirror discovery', () => {
  it('takes the URI of the stanza serving the suite, not security and not comments', () => {
    expect(mirrorFromDeb822(DEB822)).toBe('http://mirror.example/debian');
    expect(mirrorFromDeb822(DEB822.split('\n\n')[1]!)).toBeUndefined();
  });

  it('skips disabled stanzas and deb-src', () => {
    expect(mirrorFromDeb822('Types: deb-src\nURIs: http://a.example/\nSuites: bookworm\n')).toBeUndefined();
    expect(
      mirrorFromDeb822('Enabled: no\nTypes: deb\nURIs: http://a.example/\nSuites: bookworm\n'),
    ).toBeUndefined();
  });

  it('reads one-line sources.list entries, with options', () => {
    const text =
      '# deb http://old.example/ bookworm main\ndeb [arch=amd64] http://b.example/debian bookworm main\n';
    expect(mirrorFromSourcesList(text)).toBe('http://b.example/debian');
    expect(mirrorFromSourcesList('deb http://c.example/ bookworm-security main\n')).toBeUndefined();
  });

  it('finds the mirror in an apt directory and fails with a LAB error when there is none', () => {
    const etc = scratchDir('apt-');
    expect(() => findAptMirror(etc)).toThrow(expect.objectContaining({ code: 'LAB' }));
    mkdirSync(path.join(etc, 'sources.list.d'));
    writeFileSync(path.join(etc, 'sources.list.d', 'debian.sources'), DEB822);
    expect(findAptMirror(etc)).toBe('http://mirror.example/debian');
  });

  it('takes a release the machine does not list from the mirror of its own release, never from security', () => {
    const etc = scratchDir('apt-');
    mkdirSync(path.join(etc, 'sources.list.d'));
    writeFileSync(
      path.join(etc, 'sources.list.d', 'debian.sources'),
      DEB822.split('\n\n').reverse().join('\n\n'),
    );
    expect(findAptMirror(etc, 'bullseye')).toBe('http://mirror.example/debian');
    writeFileSync(path.join(etc, 'sources.list'), 'deb http://other.example/debian trixie main\n');
    expect(findAptMirror(etc, 'trixie')).toBe('http://other.example/debian');
  });
});
