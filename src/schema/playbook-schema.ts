// The JSON Schema of a playbook, generated from the module parameter table the playbook loader checks against.
import { MODULE_PARAMS, type ParamSpec } from '../playbook/module-params.js';
import type { JsonSchema } from './field-schema.js';

/** The task keys besides its one module (the loader's TASK_KEYS). */
export const TASK_KEYS = ['name', 'when', 'loop', 'notify'] as const;

const STRING_OR_LIST = {
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
};

// One module parameter.
function paramSchema(spec: ParamSpec): JsonSchema {
  const { description } = spec;
  switch (spec.type) {
    case 'string':
      return { description, type: 'string' };
    case 'boolean':
      return { description, type: 'boolean' };
    case 'integer':
      // A placeholder such as "{{ port }}" is filled in per host, so a string is accepted too.
      return { description, anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string' }] };
    case 'list':
      return { description, type: 'array', items: { type: 'string' } };
    case 'enum':
      return { description, enum: [...spec.values] };
  }
}

// One module's parameter mapping.
function moduleSchema(params: Record<string, ParamSpec>): JsonSchema {
  const required = Object.keys(params).filter((key) => params[key]?.required);
  return {
    type: 'object',
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(Object.entries(params).map(([key, spec]) => [key, paramSchema(spec)])),
  };
}

/** The playbook schema: a name and a non-empty list of tasks, each with exactly one module. */
export function playbookSchema(): JsonSchema {
  const modules = Object.keys(MODULE_PARAMS) as (keyof typeof MODULE_PARAMS)[];
  const task: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { description: 'Shown in plans and errors.', type: 'string', pattern: '\\S' },
      when: { description: 'Run only when true, e.g. "\'dbt-run\' in companions".', type: 'string' },
      loop: {
        description: 'A list variable name, or a literal list; {{ item }} in the parameters.',
        ...STRING_OR_LIST,
      },
      notify: { description: 'Units to restart when this task changes something.', ...STRING_OR_LIST },
      ...Object.fromEntries(modules.map((module) => [module, { $ref: `#/$defs/${module}` }])),
    },
    oneOf: modules.map((module) => ({ required: [module] })),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'hfleet playbook',
    description: 'Tasks that declare the wanted state of a host; one module per task.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'tasks'],
    properties: {
      name: { type: 'string' },
      tasks: { type: 'array', minItems: 1, items: { $ref: '#/$defs/task' } },
    },
    $defs: {
      task,
      ...Object.fromEntries(modules.map((module) => [module, moduleSchema(MODULE_PARAMS[module])])),
    },
  };
}
