import { describe, expect, it } from 'vitest';
import { expandPlaybook } from '../../../../src/playbook/expand.js';
import { builtinPlaybookPath, loadPlaybook } from '../../../../src/playbook/load.js';
import { renderedFiles } from '../../../../src/playbook/rendered-files.js';
import { lintRenderedHosts } from '../../../../src/systemd/lint/lint-inventory.js';
import { hostFixture } from '../../render/host-fixture.js';

describe('lintRenderedHosts', () => {
  it('finds nothing in what hfleet renders, root or not, with or without overrides', () => {
    const hosts = [
      hostFixture(),
      hostFixture({ run_as: 'honeyframe', memory_max: '900M', private_tmp: true }, { name: 'acme-2' }),
    ];
    const builtin = loadPlaybook(builtinPlaybookPath());
    expect(
      lintRenderedHosts(hosts.map((host) => ({ host, files: renderedFiles(expandPlaybook(builtin, host)) }))),
    ).toEqual([]);
  });
});
