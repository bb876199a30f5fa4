// Every file hfleet manages on one host: its units rendered from templates, plus their local.conf drop-ins.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HfleetError } from '../errors.js';
import type { Host } from '../inventory/types.js';
import { catalogEntry } from './catalog.js';
import { LOCAL_CONF_NAME, localConf } from './local-conf.js';
import { renderTemplate } from './template.js';
import { templateVars } from './template-vars.js';

/** One rendered file, at its absolute path on the host. */
export interface RenderedFile {
  path: string;
  content: string;
  /** The unit it belongs to, e.g. `hub-platform.service`. */
  unit: string;
  kind: 'unit' | 'dropin';
}

/** Where unit files live on a host. */
export const UNIT_DIR = '/etc/systemd/system';

// The directory holding the unit templates (works from src/render and from dist/render).
export function templatesDir(): string {
  return fileURLToPath(new URL('../../playbooks/templates/', import.meta.url));
}

// Render every unit and drop-in of a host's services and companions; unknown names are TEMPLATE_INVALID.
export function renderHostFiles(host: Host, templates: string = templatesDir()): RenderedFile[] {
  const vars = templateVars(host);
  const entries = [
    ...host.vars.services.map((name) => catalogEntry(name, 'service', host.name)),
    ...host.vars.companions.map((name) => catalogEntry(name, 'companion', host.name)),
  ];
  const files: RenderedFile[] = [];
  for (const entry of entries) {
    for (const unit of entry.units) {
      const content = renderTemplate(unit, readTemplate(templates, unit), vars);
      files.push({ path: `${UNIT_DIR}/${unit}`, content, unit, kind: 'unit' });
      const applyMemoryMax = entry.kind === 'service';
      const dropin = unit.endsWith('.service') ? localConf(content, host.vars, { applyMemoryMax }) : null;
      if (dropin !== null) {
        files.push({
          path: `${UNIT_DIR}/${unit}.d/${LOCAL_CONF_NAME}`,
          content: dropin,
          unit,
          kind: 'dropin',
        });
      }
    }
  }
  return files;
}

function readTemplate(dir: string, name: string): string {
  const path = `${dir.replace(/\/$/, '')}/${name}`;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new HfleetError('TEMPLATE_INVALID', `template ${name}: cannot read ${path}`, { cause: error });
  }
}
