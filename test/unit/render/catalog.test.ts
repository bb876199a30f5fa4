import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPlaybookPath } from '../../../src/playbook/load.js';
import { CATALOG, isTriggeredUnit } from '../../../src/render/catalog.js';

const templates = path.join(path.dirname(builtinPlaybookPath()), 'templates');

describe('catalog', () => {
  it('knows the API services with their ports and health path', () => {
    expect(CATALOG.get('hub-platform')).toMatchObject({
      kind: 'service',
      port: 8001,
      healthPath: '/api/health',
    });
    expect(CATALOG.get('hub-cloud')).toMatchObject({
      kind: 'service',
      port: 8002,
      units: ['hub-cloud.service'],
    });
  });

  it('enables the timer of dbt-run, not its service', () => {
    expect(CATALOG.get('dbt-run')).toMatchObject({
      kind: 'companion',
      units: ['dbt-run.service', 'dbt-run.timer'],
      primaryUnit: 'dbt-run.timer',
      port: undefined,
    });
    expect(isTriggeredUnit('dbt-run.service')).toBe(true);
    expect(isTriggeredUnit('dbt-run.timer')).toBe(false);
    expect(isTriggeredUnit('hub-platform.service')).toBe(false);
  });

  it('has a template for every unit file it names', () => {
    for (const entry of CATALOG.values()) {
      for (const unit of entry.units) expect(existsSync(path.join(templates, unit)), unit).toBe(true);
    }
  });
});
