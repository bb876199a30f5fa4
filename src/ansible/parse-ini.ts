// Ansible's INI inventory format: [group], [group:vars], [group:children], `host key=value ...` lines.
import { HfleetError } from '../errors.js';
import { expandHostPattern } from './host-pattern.js';
import { type AnsibleInventory, type AnsibleVars, addHost, emptyInventory, groupOf } from './model.js';

// Split a line into words, honouring single and double quotes.
function words(line: string): string[] {
  const result: string[] = [];
  for (const match of line.matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)) {
    result.push(match[0].replace(/"([^"]*)"|'([^']*)'/g, (_all, double, single) => double ?? single));
  }
  return result;
}

// `key=value` pairs into vars; anything else is an error naming the line.
function pairs(list: string[], where: string): AnsibleVars {
  const vars: AnsibleVars = {};
  for (const word of list) {
    const at = word.indexOf('=');
    if (at <= 0) throw new HfleetError('INVENTORY_INVALID', `${where}: expected key=value, got '${word}'`);
    vars[word.slice(0, at)] = word.slice(at + 1);
  }
  return vars;
}

// A `[group:vars]` line: `key=value`, the value being the rest of the line (quotes around it removed).
function varLine(line: string, where: string): AnsibleVars {
  const at = line.indexOf('=');
  if (at <= 0) throw new HfleetError('INVENTORY_INVALID', `${where}: expected key=value, got '${line}'`);
  const value = line.slice(at + 1).trim();
  const unquoted = /^(["'])(.*)\1$/.exec(value)?.[2] ?? value;
  return { [line.slice(0, at).trim()]: unquoted };
}

// Parse INI inventory text.
export function parseAnsibleIni(text: string, file: string): AnsibleInventory {
  const inventory = emptyInventory();
  let section = 'ungrouped';
  let kind: 'hosts' | 'vars' | 'children' = 'hosts';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[([^\]:]+)(?::(vars|children))?\]$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      kind = (header[2] as 'vars' | 'children' | undefined) ?? 'hosts';
      groupOf(inventory, section);
      return;
    }
    if (line.startsWith('['))
      throw new HfleetError('INVENTORY_INVALID', `${where}: bad section header '${line}'`);
    const [first = '', ...rest] = words(line);
    if (kind === 'vars') Object.assign(groupOf(inventory, section).vars, varLine(line, where));
    else if (kind === 'children') groupOf(inventory, section).children.push(first);
    else {
      const vars = pairs(rest, where);
      const hostPort = /^([^:[\]]+):([0-9]+)$/.exec(first);
      const pattern = hostPort ? (hostPort[1] ?? first) : first;
      if (hostPort) vars['ansible_port'] = hostPort[2];
      for (const host of expandHostPattern(pattern)) addHost(inventory, section, host, vars);
    }
  });
  return inventory;
}
