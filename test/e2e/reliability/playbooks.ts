// Custom playbooks for fault tests: the built-in one plus extra tasks and templates, in a fresh directory.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDirForFile } from '../../support/scratch-dir.js';

const BUILTIN = path.resolve(import.meta.dirname, '../../../playbooks');

// Write the built-in playbook with `firstTasks` (YAML list items) put first and extra templates; returns its path.
export function playbookWith(firstTasks: string, templates: Record<string, string> = {}): string {
  const dir = scratchDirForFile('hfleet-e2e-play-');
  cpSync(path.join(BUILTIN, 'templates'), path.join(dir, 'templates'), { recursive: true });
  for (const [name, text] of Object.entries(templates))
    writeFileSync(path.join(dir, 'templates', name), text);
  const text = readFileSync(path.join(BUILTIN, 'honeyframe.yml'), 'utf8').replace(
    'tasks:\n',
    `tasks:\n${firstTasks}`,
  );
  const file = path.join(dir, 'playbook.yml');
  writeFileSync(file, text);
  return file;
}
