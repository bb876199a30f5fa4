// The Honeyframe units hfleet knows: per service name its kind, port, health path and unit files.

/** A managed service: a core API service or a companion. */
export interface CatalogEntry {
  name: string;
  kind: 'service' | 'companion';
  /** The unit files it consists of, each rendered from the template of the same name. */
  units: string[];
  /** The unit that is enabled and started (the timer for dbt-run). */
  primaryUnit: string;
  port: number | undefined;
  healthPath: string | undefined;
}

/** Every known Honeyframe unit set, by name. */
export const CATALOG: ReadonlyMap<string, CatalogEntry> = new Map(
  [
    api('hub-platform', 8001),
    api('hub-cloud', 8002),
    {
      name: 'dbt-run',
      kind: 'companion',
      units: ['dbt-run.service', 'dbt-run.timer'],
      primaryUnit: 'dbt-run.timer',
      port: undefined,
      healthPath: undefined,
    },
    {
      name: 'hub-scheduler',
      kind: 'companion',
      units: ['hub-scheduler.service'],
      primaryUnit: 'hub-scheduler.service',
      port: undefined,
      healthPath: undefined,
    },
  ].map((entry): [string, CatalogEntry] => [entry.name, entry as CatalogEntry]),
);

function api(name: string, port: number): CatalogEntry {
  const unit = `${name}.service`;
  return { name, kind: 'service', units: [unit], primaryUnit: unit, port, healthPath: '/api/health' };
}

/** True for a unit another unit starts (dbt-run.service, started by its timer): it needs no [Install]. */
export function isTriggeredUnit(unit: string): boolean {
  return [...CATALOG.values()].some((entry) => entry.units.includes(unit) && entry.primaryUnit !== unit);
}
