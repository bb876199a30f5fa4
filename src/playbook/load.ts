// Load a playbook file and validate it into tasks; every error names the file and the path to the bad value.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { HfleetError } from '../errors.js';
import { MODULE_PARAMS, type ParamSpec } from './module-params.js';
import type { Playbook, PlaybookTask, TaskModuleName } from './types.js';
import { whenSyntaxError } from './when.js';

const MAX_PLAYBOOK_BYTES = 1024 * 1024;
const TASK_KEYS = new Set(['name', 'when', 'loop', 'notify']);

function fail(file: string, at: string, message: string): never {
  throw new HfleetError('PLAYBOOK_INVALID', `${file}: ${at}: ${message}`, {
    hint: 'see playbooks/honeyframe.yml for the playbook format',
  });
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(file: string, at: string, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    fail(file, at, 'must be a string or a list of strings');
  }
  return list as string[];
}

function checkParam(file: string, at: string, spec: ParamSpec, value: unknown): void {
  const ok =
    spec.type === 'string'
      ? typeof value === 'string'
      : spec.type === 'boolean'
        ? typeof value === 'boolean'
        : spec.type === 'integer'
          ? (Number.isInteger(value) && (value as number) > 0) || typeof value === 'string'
          : spec.type === 'enum'
            ? spec.values.includes(value as string)
            : Array.isArray(value) && value.every((entry) => typeof entry === 'string');
  if (!ok) {
    const expected =
      spec.type === 'enum'
        ? `one of ${spec.values.join(', ')}`
        : spec.type === 'list'
          ? 'a list of strings'
          : spec.type === 'integer'
            ? 'a positive integer'
            : `a ${spec.type}`;
    fail(file, at, `must be ${expected}`);
  }
}

function loadTask(file: string, raw: unknown, index: number): PlaybookTask {
  const at = `tasks/${index}`;
  if (!isMap(raw)) fail(file, at, 'must be a mapping with a name and one module');
  const moduleKeys = Object.keys(raw).filter((key) => !TASK_KEYS.has(key));
  const unknown = moduleKeys.filter((key) => !(key in MODULE_PARAMS));
  if (unknown.length > 0) {
    fail(file, `${at}/${unknown[0]}`, `unknown key (modules: ${Object.keys(MODULE_PARAMS).join(', ')})`);
  }
  if (moduleKeys.length !== 1) fail(file, at, 'must use exactly one module');
  const module = moduleKeys[0] as TaskModuleName;
  if (typeof raw['name'] !== 'string' || raw['name'].trim() === '')
    fail(file, `${at}/name`, 'must be a non-empty string');
  const params = raw[module];
  if (!isMap(params)) fail(file, `${at}/${module}`, 'must be a mapping of parameters');
  const specs = MODULE_PARAMS[module];
  for (const [key, value] of Object.entries(params)) {
    const spec = specs[key];
    if (!spec)
      fail(file, `${at}/${module}/${key}`, `unknown parameter (known: ${Object.keys(specs).join(', ')})`);
    checkParam(file, `${at}/${module}/${key}`, spec, value);
  }
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.required && !(key in params)) fail(file, `${at}/${module}/${key}`, 'is required');
  }
  const when = raw['when'];
  if (when !== undefined) {
    if (typeof when !== 'string') fail(file, `${at}/when`, 'must be a string expression');
    const reason = whenSyntaxError(when);
    if (reason) fail(file, `${at}/when`, reason);
  }
  const loop = raw['loop'];
  if (loop !== undefined && typeof loop !== 'string') stringList(file, `${at}/loop`, loop);
  return {
    name: raw['name'],
    module,
    params,
    when: when as string | undefined,
    loop: loop as string | string[] | undefined,
    notify: raw['notify'] === undefined ? [] : stringList(file, `${at}/notify`, raw['notify']),
    path: at,
  };
}

/** Parse playbook text (already read) into a validated Playbook. */
export function parsePlaybook(text: string, file: string): Playbook {
  let raw: unknown;
  try {
    raw = load(text, { filename: file, schema: CORE_SCHEMA, maxAliases: 50 });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const where = mark ? `${file}:${mark.line + 1}:${mark.column + 1}` : file;
    throw new HfleetError(
      'PLAYBOOK_INVALID',
      `${where}: ${(error as { reason?: string }).reason ?? 'invalid YAML'}`,
    );
  }
  if (!isMap(raw)) fail(file, '(top level)', 'must be a mapping with name and tasks');
  for (const key of Object.keys(raw)) {
    if (key !== 'name' && key !== 'tasks') fail(file, key, 'unknown key (known: name, tasks)');
  }
  if (typeof raw['name'] !== 'string') fail(file, 'name', 'must be a string');
  const tasks = raw['tasks'];
  if (!Array.isArray(tasks) || tasks.length === 0) fail(file, 'tasks', 'must be a non-empty list of tasks');
  return {
    name: raw['name'],
    file,
    dir: path.dirname(path.resolve(file)),
    tasks: tasks.map((task, index) => loadTask(file, task, index)),
  };
}

/** Read and validate a playbook file. */
export function loadPlaybook(file: string): Playbook {
  let text: string;
  try {
    const buffer = readFileSync(file);
    if (buffer.length > MAX_PLAYBOOK_BYTES)
      fail(file, '(file)', `is larger than ${MAX_PLAYBOOK_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof HfleetError) throw error;
    throw new HfleetError(
      'PLAYBOOK_INVALID',
      `${file}: cannot read the playbook (${(error as Error).message})`,
    );
  }
  return parsePlaybook(text, file);
}

/** The built-in Honeyframe playbook shipped with hfleet. */
export function builtinPlaybookPath(): string {
  return new URL('../../playbooks/honeyframe.yml', import.meta.url).pathname;
}
