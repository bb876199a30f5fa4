import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogEntry } from '../../../src/render/catalog.js';
import { templatesDir } from '../../../src/render/host-files.js';

describe('catalog', () => {
  it('knows the API services with their ports and health path', () => {
    expect(catalogEntry('hub-platform', 'service', 'h')).toMatchObject({
      port: 8001,
      healthPath: '/api/health',
    });
    expect(catalogEntry('hub-cloud', 'service', 'h')).toMatchObject({
      port: 8002,
      units: ['hub-cloud.service'],
    });
  });

  it('enables the timer of dbt-run, not its service', () => {
    expect(catalogEntry('dbt-run', 'companion', 'h')).toMatchObject({
      units: ['dbt-run.service', 'dbt-run.timer'],
      primaryUnit: 'dbt-run.timer',
      port: undefined,
    });
  });

  it('has a template for every unit file it names', () => {
    for (const entry of CATALOG.values()) {
      for (const unit of entry.units) expect(existsSync(`${templatesDir()}/${unit}`), unit).toBe(true);
    }
  });

  it('refuses an unknown name, or a companion listed as a service, naming the host', () => {
    expect(() => catalogEntry('hub-foo', 'service', 'acme-1')).toThrow(
      "host acme-1: services: no template for 'hub-foo'",
    );
    expect(() => catalogEntry('dbt-run', 'service', 'acme-1')).toThrow(/services: no template for 'dbt-run'/);
  });
});
