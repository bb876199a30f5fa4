// Expand a playbook for one host: fill placeholders, unroll loops, evaluate `when`, render templates.

import path from 'node:path';
import { HfleetError } from '../errors.js';
import { DEFAULT_SETTLE_SEC } from '../health/settle.js';
import type { Host } from '../inventory/types.js';
import { CATALOG } from '../render/catalog.js';
import { localConf } from '../render/local-conf.js';
import { renderTemplate, type TemplateVars } from '../render/template.js';
import { templateVars } from '../render/template-vars.js';
import { dropinDirPath, unitFilePath } from '../systemd/managed-paths.js';
import { readTemplateFile } from './template-files.js';
import type { Playbook, PlaybookTask, ResolvedTask } from './types.js';
import { checkAbsolutePath, checkDropinName, checkUnitName, checkUserName } from './value-checks.js';
import { evaluateWhen } from './when.js';

/** Everything a task's params are resolved against. */
interface TaskContext {
  playbook: Playbook;
  host: Host;
  task: PlaybookTask;
  vars: TemplateVars;
  /** Tasks resolved so far for this host (a drop-in with `overrides` reads its unit from here). */
  earlier: readonly ResolvedTask[];
}

/** The variables `when`, `loop` and placeholders see for a host: template vars plus the lists. */
export function hostScope(host: Host): TemplateVars {
  return {
    ...templateVars(host),
    services: host.vars.services,
    companions: host.vars.companions,
    known_dropins: host.vars.known_dropins,
    health_timeout: host.vars.health_timeout,
  };
}

function where(context: TaskContext, key: string): string {
  return `${context.playbook.file}: ${context.task.path}/${context.task.module}/${key}`;
}

function fill(context: TaskContext, key: string): string | undefined {
  const value = context.task.params[key];
  if (value === undefined) return undefined;
  return renderTemplate(where(context, key), String(value), context.vars);
}

function fillList(context: TaskContext, key: string): string[] {
  const value = context.task.params[key];
  if (!Array.isArray(value)) return [];
  return value.map((entry, index) =>
    renderTemplate(`${where(context, key)}/${index}`, String(entry), context.vars),
  );
}

function renderTemplateParam(context: TaskContext): string {
  const relative = fill(context, 'template')!;
  const text = readTemplateFile(context.playbook.dir, relative, where(context, 'template'));
  return renderTemplate(path.basename(relative), text, context.vars);
}

function fileContent(context: TaskContext): string {
  if (context.task.params['template'] !== undefined) return renderTemplateParam(context);
  if (context.task.params['content'] !== undefined) return fill(context, 'content')!;
  throw new HfleetError('PLAYBOOK_INVALID', `${where(context, 'template')}: give a template or a content`);
}

function resolveDropin(context: TaskContext): ResolvedTask {
  const unit = checkUnitName(fill(context, 'unit')!, where(context, 'unit'));
  const name = checkDropinName(fill(context, 'name')!, where(context, 'name'));
  const filePath = `${dropinDirPath(unit)}/${name}`;
  const base = {
    module: 'dropin' as const,
    name: context.task.name,
    path: filePath,
    unit,
    notify: context.task.notify,
  };
  if (context.task.params['overrides'] !== true) return { ...base, content: fileContent(context) };
  const unitTask = context.earlier.find((task) => task.module === 'unit' && task.unit === unit);
  if (unitTask?.module !== 'unit' || unitTask.content === null) {
    throw new HfleetError(
      'PLAYBOOK_INVALID',
      `${where(context, 'overrides')}: no earlier unit task renders ${unit}`,
    );
  }
  // memory_max is the API services' cap: companions keep their own MemoryMax.
  const applyMemoryMax = CATALOG.get(unit.replace(/\.service$/, ''))?.kind !== 'companion';
  return { ...base, content: localConf(unitTask.content, context.host.vars, { applyMemoryMax }) };
}

function resolveTask(context: TaskContext): ResolvedTask {
  const { task, host } = context;
  const name = task.name;
  switch (task.module) {
    case 'unit': {
      const unit = checkUnitName(fill(context, 'name')!, where(context, 'name'));
      const content = renderTemplateParam(context);
      return { module: 'unit', name, path: unitFilePath(unit), content, unit, notify: task.notify };
    }
    case 'dropin':
      return resolveDropin(context);
    case 'file': {
      const dest = checkAbsolutePath(fill(context, 'dest')!, where(context, 'dest'));
      return {
        module: 'file',
        name,
        path: dest,
        content: fileContent(context),
        unit: undefined,
        notify: task.notify,
      };
    }
    case 'user':
      return {
        module: 'user',
        name,
        user: checkUserName(fill(context, 'name')!, where(context, 'name')),
        shell: checkAbsolutePath(fill(context, 'shell') ?? '/usr/sbin/nologin', where(context, 'shell')),
      };
    case 'ownership': {
      const owner = checkUserName(fill(context, 'owner')!, where(context, 'owner'));
      return {
        module: 'ownership',
        name,
        paths: fillList(context, 'paths').map((p, i) =>
          checkAbsolutePath(p, `${where(context, 'paths')}/${i}`),
        ),
        owner,
        group: checkUserName(fill(context, 'group') ?? owner, where(context, 'group')),
      };
    }
    case 'service': {
      const unit = checkUnitName(fill(context, 'name')!, where(context, 'name'));
      const state = task.params['state'] as 'started' | 'stopped' | undefined;
      return { module: 'service', name, unit, state, enabled: task.params['enabled'] as boolean | undefined };
    }
    case 'health': {
      const unit = checkUnitName(fill(context, 'service')!, where(context, 'service'));
      const entry = CATALOG.get(unit.replace(/\.service$/, ''));
      const port = task.params['port'] !== undefined ? Number(fill(context, 'port')) : entry?.port;
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
        throw new HfleetError('PLAYBOOK_INVALID', `${where(context, 'port')}: must be an integer 1-65535`);
      }
      const timeout =
        task.params['timeout'] !== undefined ? Number(fill(context, 'timeout')) : host.vars.health_timeout;
      const healthPath = fill(context, 'path') ?? entry?.healthPath ?? '/api/health';
      if (!/^\/[A-Za-z0-9._~/-]*$/.test(healthPath)) {
        throw new HfleetError('PLAYBOOK_INVALID', `${where(context, 'path')}: must be a plain URL path`);
      }
      const settle =
        task.params['settle'] !== undefined ? Number(fill(context, 'settle')) : DEFAULT_SETTLE_SEC;
      if (!(Number.isInteger(settle) && settle >= 0 && settle <= 3600)) {
        throw new HfleetError('PLAYBOOK_INVALID', `${where(context, 'settle')}: must be an integer 0-3600`);
      }
      return { module: 'health', name, unit, port, path: healthPath, timeoutSec: timeout, settleSec: settle };
    }
    case 'command':
      return {
        module: 'command',
        name,
        argv: fillList(context, 'argv'),
        creates:
          task.params['creates'] === undefined
            ? undefined
            : checkAbsolutePath(fill(context, 'creates')!, where(context, 'creates')),
        notify: task.notify,
      };
  }
}

function loopItems(playbook: Playbook, task: PlaybookTask, scope: TemplateVars): (string | undefined)[] {
  if (task.loop === undefined) return [undefined];
  if (Array.isArray(task.loop)) return task.loop;
  const value = scope[task.loop];
  if (!Array.isArray(value)) {
    throw new HfleetError(
      'PLAYBOOK_INVALID',
      `${playbook.file}: ${task.path}/loop: '${task.loop}' is not a list variable`,
    );
  }
  return value.map(String);
}

/** Every task of the playbook, resolved for this host, in playbook order. */
export function expandPlaybook(playbook: Playbook, host: Host): ResolvedTask[] {
  const scope = hostScope(host);
  const resolved: ResolvedTask[] = [];
  for (const task of playbook.tasks) {
    for (const item of loopItems(playbook, task, scope)) {
      const vars = item === undefined ? scope : { ...scope, item };
      if (task.when !== undefined) {
        let wanted: boolean;
        try {
          wanted = evaluateWhen(task.when, vars);
        } catch (error) {
          throw new HfleetError(
            'PLAYBOOK_INVALID',
            `${playbook.file}: ${task.path}/when: ${(error as Error).message}`,
          );
        }
        if (!wanted) continue;
      }
      resolved.push(resolveTask({ playbook, host, task, vars, earlier: resolved }));
    }
  }
  return resolved;
}
