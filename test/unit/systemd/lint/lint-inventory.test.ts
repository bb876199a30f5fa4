import { describe, expect, it } from 'vitest';
import { lintRenderedHosts } from '../../../../src/systemd/lint/lint-inventory.js';
import { hostFixture } from '../../render/host-fixture.js';

describe('lintRenderedHosts', () => {
  it('finds nothing in what hfleet renders, root or not, with or without overrides', () => {
    const hosts = [
      hostFixture(),
      hostFixture({ run_as: 'honeyframe', memory_max: '900M', private_tmp: true }, { name: 'acme-2' }),
    ];
    expect(lintRenderedHosts(hosts)).toEqual([]);
  });
});
