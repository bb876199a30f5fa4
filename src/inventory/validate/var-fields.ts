// The host variables as data: one row per key with its default, its check and what it means.
// The loader, the example inventory and a future JSON Schema all read this one table.
import type { HostVars } from '../types.js';
import {
  checkDropinName,
  checkLiteralPath,
  checkMemoryMax,
  checkUnitSafe,
  checkUnitStem,
  checkUserName,
  PATTERNS,
} from './checks.js';
import { invalid, shown, type ValidationContext, type ValuePath } from './context.js';
import { expectBool, expectInt, expectString, expectStringList, optionalMap } from './expect.js';
import { EXTRA_NAME, parseExtraVars } from './extra-vars.js';
import { MEMORY_MAX_SHAPE } from './memory-max.js';

/** JSON Schema keywords a field adds to what its `type` says (patterns, ranges, enums; `items` for lists). */
export type SchemaHints = Record<string, unknown>;

/** One inventory field: its YAML type, default, description, and the parser that validates a raw value. */
export interface FieldSpec<T> {
  type: 'string' | 'integer' | 'boolean' | 'string-list' | 'mapping';
  description: string;
  default: T;
  parse: (ctx: ValidationContext, value: unknown, path: ValuePath) => T;
  /** What the parser enforces, as far as JSON Schema can say it (for editors; the parser stays the judge). */
  schema?: SchemaHints;
}

/** An integer field's parser and its schema range, from one pair of bounds. */
export function intRange(min: number, max: number) {
  return {
    parse: (ctx: ValidationContext, value: unknown, path: ValuePath) => expectInt(ctx, value, path, min, max),
    schema: { minimum: min, maximum: max },
  };
}

/** A schema that requires every one of these patterns. */
export function allPatterns(...patterns: RegExp[]): SchemaHints {
  return { allOf: patterns.map((pattern) => ({ pattern: pattern.source })) };
}

const UNIT_SAFE_LIST_ITEM = { pattern: PATTERNS.unitSafe.source };

/** Every host variable's definition, keyed by its YAML name. */
export type VarFieldTable = { [K in keyof HostVars]: FieldSpec<HostVars[K]> };

/** The companions hfleet knows how to render. */
export const KNOWN_COMPANIONS = ['dbt-run', 'hub-scheduler'] as const;

// A string that goes into a unit file verbatim.
function unitString(...checks: ((ctx: ValidationContext, value: string, path: ValuePath) => void)[]) {
  return (ctx: ValidationContext, value: unknown, path: ValuePath): string => {
    const text = expectString(ctx, value, path);
    checkUnitSafe(ctx, text, path);
    for (const check of checks) check(ctx, text, path);
    return text;
  };
}

// memory_max: a string, or a plain integer number of bytes written without quotes.
function parseMemoryMax(ctx: ValidationContext, value: unknown, path: ValuePath): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return unitString(checkMemoryMax)(ctx, text, path);
}

// companions: unit stems among the known companions.
function parseCompanions(ctx: ValidationContext, value: unknown, path: ValuePath): string[] {
  return expectStringList(ctx, value, path, (c, item, itemPath) => {
    if (!(KNOWN_COMPANIONS as readonly string[]).includes(item)) {
      invalid(c, itemPath, `unknown companion ${shown(item)} (known: ${KNOWN_COMPANIONS.join(', ')})`);
    }
  });
}

/** The host variables, lowest-precedence defaults included. */
export const VAR_FIELDS: VarFieldTable = {
  install_dir: {
    type: 'string',
    description: 'Where Honeyframe is installed (WorkingDirectory, ExecStart paths).',
    default: '/opt/honeyframe',
    parse: unitString(checkLiteralPath),
    schema: { pattern: PATTERNS.literalPath.source },
  },
  data_dir: {
    type: 'string',
    description: 'Where Honeyframe keeps its data (owned by run_as).',
    default: '/data/honeyframe',
    parse: unitString(checkLiteralPath),
    schema: { pattern: PATTERNS.literalPath.source },
  },
  memory_max: {
    type: 'string',
    description: 'MemoryMax= of each service: bytes with optional K/M/G/T/P/E, a percentage, or infinity.',
    default: '1500M',
    parse: parseMemoryMax,
    schema: { type: ['string', 'integer'], pattern: MEMORY_MAX_SHAPE.source, minimum: 1 },
  },
  run_as: {
    type: 'string',
    description: 'The user the services run as; anything but root is the non-root conversion.',
    default: 'root',
    parse: unitString(checkUserName),
    schema: { pattern: PATTERNS.userName.source },
  },
  private_tmp: {
    type: 'boolean',
    description: 'Give the services a private /tmp (PrivateTmp=true).',
    default: false,
    parse: expectBool,
  },
  services: {
    type: 'string-list',
    description: 'Core services to install, enable and keep healthy (names without .service).',
    default: ['hub-platform', 'hub-cloud'],
    parse: (ctx, value, path) => expectStringList(ctx, value, path, checkUnitStem),
    schema: { items: { pattern: PATTERNS.unitStem.source, not: { pattern: '\\.service$' } } },
  },
  companions: {
    type: 'string-list',
    description: 'Companions to install and enable (dbt-run, hub-scheduler); absent ones are disabled.',
    default: ['dbt-run', 'hub-scheduler'],
    parse: parseCompanions,
    schema: { items: { enum: [...KNOWN_COMPANIONS] } },
  },
  known_dropins: {
    type: 'string-list',
    description: 'Drop-in files hfleet leaves alone and drift does not report.',
    default: ['er-limits.conf'],
    parse: (ctx, value, path) => expectStringList(ctx, value, path, checkDropinName),
    schema: { items: { pattern: PATTERNS.dropinName.source } },
  },
  health_timeout: {
    type: 'integer',
    description: 'Seconds a service has to become active and answer /api/health with 200.',
    default: 60,
    ...intRange(1, 3600),
  },
  dbt_schedule: {
    type: 'string',
    description: 'OnCalendar= of the nightly dbt timer.',
    default: '*-*-* 02:00:00',
    parse: unitString((ctx, text, path) => {
      if (text === '') invalid(ctx, path, 'must not be empty');
      if (text.includes('%')) invalid(ctx, path, "must not contain '%' (a systemd specifier)");
    }),
    schema: allPatterns(PATTERNS.unitSafe, /^[^%]+$/),
  },
  extra: {
    type: 'mapping',
    description: 'Free-form variables for custom playbooks: string, number, boolean or list of strings.',
    default: {},
    parse: parseExtraVars,
    schema: {
      propertyNames: { pattern: EXTRA_NAME.source },
      additionalProperties: {
        anyOf: [
          { type: 'string', ...UNIT_SAFE_LIST_ITEM },
          { type: 'number' },
          { type: 'boolean' },
          { type: 'array', items: { type: 'string', ...UNIT_SAFE_LIST_ITEM }, uniqueItems: true },
        ],
      },
    },
  },
};

/** The YAML names of all host variables. */
export const VAR_KEYS = Object.keys(VAR_FIELDS) as (keyof HostVars)[];

/** Parse one `vars:` mapping (any level) into the variables it sets. */
export function parseVarsLayer(ctx: ValidationContext, value: unknown, path: ValuePath): Partial<HostVars> {
  const layer: Partial<HostVars> = {};
  for (const [key, item] of optionalMap(ctx, value, path, VAR_KEYS)) {
    const name = key as keyof HostVars;
    (layer as Record<string, unknown>)[name] = VAR_FIELDS[name].parse(ctx, item, [...path, name]);
  }
  return layer;
}

/** The variables an inventory that sets nothing gets. */
export function defaultVars(): HostVars {
  const vars = {} as Record<string, unknown>;
  for (const key of VAR_KEYS) vars[key] = structuredClone(VAR_FIELDS[key].default);
  return vars as unknown as HostVars;
}
