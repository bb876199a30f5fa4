// The JSON Schema of an inventory, generated from the loader's own field tables and patterns.
import { PATTERNS } from '../inventory/validate/checks.js';
import { HOST_SSH_KEYS, SSH_FIELDS, SSH_KEYS } from '../inventory/validate/ssh-fields.js';
import { VAR_FIELDS, VAR_KEYS } from '../inventory/validate/var-fields.js';
import { fieldSchema, type JsonSchema } from './field-schema.js';

const NAME = { pattern: PATTERNS.id.source };

// A mapping with exactly these properties; `nullable`: an empty section (`vars:`) is allowed too.
function mapping(properties: JsonSchema, nullable: boolean, required: string[] = []): JsonSchema {
  return {
    type: nullable ? ['object', 'null'] : 'object',
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties,
  };
}

// The schema of every field in a table, keyed by YAML name.
function fieldsOf(keys: readonly string[], table: Record<string, Parameters<typeof fieldSchema>[0]>) {
  return Object.fromEntries(
    keys.map((key) => [key, fieldSchema(table[key] as Parameters<typeof fieldSchema>[0])]),
  );
}

/** The inventory schema: defaults, groups and customers, each key described from the field tables. */
export function inventorySchema(): JsonSchema {
  const host = mapping(
    {
      address: {
        description: 'IP address or DNS name the host is reached at.',
        type: 'string',
        pattern: PATTERNS.address.source,
        not: { pattern: '^-' },
        maxLength: 253,
      },
      ...fieldsOf(HOST_SSH_KEYS, SSH_FIELDS),
      vars: { $ref: '#/$defs/vars' },
    },
    false,
    ['address'],
  );
  const customer = mapping(
    {
      display_name: {
        description: "The customer's name as rendered into Description= (default: the customer id).",
        type: 'string',
        minLength: 1,
        maxLength: 200,
        allOf: [{ pattern: PATTERNS.unitSafe.source }, { pattern: '^[^%]*$' }],
      },
      ssh: { $ref: '#/$defs/ssh' },
      vars: { $ref: '#/$defs/vars' },
      hosts: {
        description: "The customer's hosts by name (names are unique across the inventory).",
        type: 'object',
        propertyNames: NAME,
        additionalProperties: { $ref: '#/$defs/host' },
      },
    },
    false,
    ['hosts'],
  );
  const group = mapping(
    {
      customers: {
        description: 'Ids of the customers in this group.',
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
      },
      vars: { $ref: '#/$defs/vars' },
    },
    false,
    ['customers'],
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'hfleet inventory',
    description: 'Customers, their hosts, and the SSH settings and variables their units are rendered from.',
    ...mapping(
      {
        defaults: {
          description: 'Settings every host starts from.',
          ...mapping({ ssh: { $ref: '#/$defs/ssh' }, vars: { $ref: '#/$defs/vars' } }, true),
        },
        groups: {
          description: 'Named sets of customers with variables of their own.',
          type: ['object', 'null'],
          propertyNames: NAME,
          additionalProperties: group,
        },
        customers: {
          description: 'Every customer by id.',
          type: 'object',
          propertyNames: NAME,
          additionalProperties: { $ref: '#/$defs/customer' },
        },
      },
      false,
      ['customers'],
    ),
    $defs: {
      ssh: { description: 'SSH connection settings.', ...mapping(fieldsOf(SSH_KEYS, SSH_FIELDS), true) },
      vars: {
        description: 'Variables the units are rendered from.',
        ...mapping(fieldsOf(VAR_KEYS, VAR_FIELDS), true),
      },
      customer,
      host,
    },
  };
}
