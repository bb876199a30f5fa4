import { describe, expect, it } from 'vitest';
import { templateVars } from '../../../src/render/template-vars.js';
import { hostFixture } from './host-fixture.js';

describe('templateVars', () => {
  it('exposes the host settings the templates use', () => {
    const vars = templateVars(hostFixture({ run_as: 'honeyframe', private_tmp: true }));
    expect(vars).toMatchObject({
      display_name: 'Acme Corp',
      install_dir: '/opt/honeyframe',
      data_dir: '/data/honeyframe',
      memory_max: '1500M',
      run_as: 'honeyframe',
      private_tmp: true,
      dbt_schedule: '*-*-* 02:00:00',
      customer: 'acme',
      host: 'acme-1',
    });
  });

  it('adds extra vars, which cannot shadow the built-in ones', () => {
    const vars = templateVars(hostFixture({ extra: { region: 'eu', install_dir: '/evil' } }));
    expect(vars['region']).toBe('eu');
    expect(vars['install_dir']).toBe('/opt/honeyframe');
  });
});
