// Read a playbook's template files, confined to the playbook's directory, cached for the run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HfleetError } from '../errors.js';

const cache = new Map<string, string>();

/** The text of a template given relative to the playbook directory; `..` escapes are refused. */
export function readTemplateFile(playbookDir: string, relative: string, where: string): string {
  const resolved = path.resolve(playbookDir, relative);
  if (path.isAbsolute(relative) || !resolved.startsWith(`${playbookDir}${path.sep}`)) {
    throw new HfleetError(
      'PLAYBOOK_INVALID',
      `${where}: '${relative}' must stay inside the playbook's directory`,
    );
  }
  const cached = cache.get(resolved);
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(resolved, 'utf8');
  } catch {
    throw new HfleetError('TEMPLATE_INVALID', `${where}: template '${relative}' not found in ${playbookDir}`);
  }
  cache.set(resolved, text);
  return text;
}
