// Ansible's INI inventory grammar: `[group]`, `[group:vars]`, `[group:children]` (comments after a header),
// host lines split as a shell splits them (`#` starts a comment), values read as Python literals.
import { HfleetError } from '../errors.js';
import { readHostPattern } from './host-pattern.js';
import * as model from './model.js';
import { pythonLiteral } from './python-literal.js';
import { pythonStrip } from './python-strip.js';
import { shellWords } from './shell-words.js';

const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;

type State = 'hosts' | 'vars' | 'children';

interface Pending {
  line: number;
  state: State;
  parents: string[];
}

// One host line: the names its key stands for, the key's port and the `key=value` vars.
function hostLine(line: string, where: string) {
  const [key = '', ...rest] = shellWords(line, where);
  const pattern = readHostPattern(key, where);
  if (pythonStrip(key).endsWith(':') && pattern.port === undefined) {
    throw new HfleetError(
      'INVENTORY_INVALID',
      `${where}: host pattern '${key}' ends in ':' (reserved for a port)`,
    );
  }
  if (pattern.names.some((name) => pythonStrip(name) === '---')) {
    throw new HfleetError('INVENTORY_INVALID', `${where}: host pattern '---' (a sign this is a YAML file)`);
  }
  const vars: model.AnsibleVars = {};
  for (const word of rest) {
    const at = word.indexOf('=');
    if (at < 0) {
      throw new HfleetError('INVENTORY_INVALID', `${where}: expected key=value host variable, got '${word}'`);
    }
    vars[word.slice(0, at)] = pythonLiteral(word.slice(at + 1));
  }
  return { ...pattern, vars };
}

/** Parse INI inventory text as Ansible's ini plugin does; errors name the file and line. */
export function parseAnsibleIni(text: string, file: string): model.AnsibleInventory {
  const inventory = model.emptyInventory();
  const pending = new Map<string, Pending>();
  const attachPending = (group: string) => {
    const waiting = pending.get(group);
    if (!waiting) return;
    pending.delete(group);
    for (const parent of waiting.parents) {
      model.addChild(inventory, parent, group);
      if (pending.get(parent)?.state === 'children') attachPending(parent);
    }
  };
  let group = 'ungrouped';
  let state: State = 'hosts';
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = pythonStrip(raw);
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = SECTION.exec(line);
    if (header) {
      group = header[1] ?? '';
      const tag = header[2] ?? 'hosts';
      if (tag !== 'hosts' && tag !== 'vars' && tag !== 'children') {
        throw new HfleetError(
          'INVENTORY_INVALID',
          `${where}: section [${group}:${tag}] has unknown type: ${tag}`,
        );
      }
      state = tag;
      if (!inventory.groups.has(group)) {
        if (state === 'vars' && !pending.has(group))
          pending.set(group, { line: index + 1, state, parents: [] });
        model.addGroup(inventory, group);
      }
      if (state !== 'vars') {
        if (pending.get(group)?.state === 'children') attachPending(group);
        else if (pending.get(group)?.state === 'vars') pending.delete(group);
      }
      return;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      throw new HfleetError(
        'INVENTORY_INVALID',
        `${where}: invalid section entry '${line}' (no spaces allowed)`,
      );
    }
    if (state === 'hosts') {
      const { names, port, vars } = hostLine(line, where);
      model.addHosts(inventory, group, names, port, vars, where);
    } else if (state === 'vars') {
      const at = line.indexOf('=');
      if (at < 0) throw new HfleetError('INVENTORY_INVALID', `${where}: expected key=value, got '${line}'`);
      model.setGroupVariable(
        inventory,
        group,
        pythonStrip(line.slice(0, at)),
        pythonLiteral(pythonStrip(line.slice(at + 1))),
      );
    } else {
      const child = GROUP_NAME.exec(line)?.[1];
      if (child === undefined)
        throw new HfleetError('INVENTORY_INVALID', `${where}: expected group name, got '${line}'`);
      if (inventory.groups.has(child)) model.addChild(inventory, group, child);
      else {
        const waiting = pending.get(child) ?? { line: index + 1, state, parents: [] };
        waiting.parents.push(group);
        pending.set(child, waiting);
      }
    }
  });
  for (const [name, waiting] of pending) {
    const what =
      waiting.state === 'vars'
        ? `[${name}:vars] is for an undefined group`
        : `[${waiting.parents.at(-1)}:children] includes undefined group ${name}`;
    throw new HfleetError('INVENTORY_INVALID', `${file}:${waiting.line}: section ${what}`);
  }
  model.reconcile(inventory);
  return inventory;
}
