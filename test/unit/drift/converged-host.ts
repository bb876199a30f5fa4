// A converged acme-1 (memory_max 900M) as drift would find it: the real playbook's tasks, recorded show output.
import { readFileSync } from 'node:fs';
import { emptyFacts } from '../../../src/facts/parse.js';
import { parseShowOutput } from '../../../src/facts/show-properties.js';
import type { HostFacts } from '../../../src/facts/types.js';
import { expandPlaybook } from '../../../src/playbook/expand.js';
import { builtinPlaybookPath, loadPlaybook } from '../../../src/playbook/load.js';
import type { ResolvedTask } from '../../../src/playbook/types.js';
import { hostFixture } from '../render/host-fixture.js';

const FIXTURES = new URL('../../fixtures/facts/', import.meta.url);

/** Where the files of the converged host were last written (before every process started). */
export const WRITTEN_AT = 1_732_800_000;
/** When the converged host booted: the origin of its recorded `...Monotonic` times. */
export const BOOTED_AT = WRITTEN_AT - 600;
/** The path of the drop-in the install ships. */
export const ER_LIMITS = '/etc/systemd/system/hub-platform.service.d/er-limits.conf';

/** The fact of a file that is not on the host. */
export const ABSENT_FILE = {
  exists: false,
  content: undefined,
  mtime: undefined,
  owner: undefined,
  group: undefined,
  mode: undefined,
} as const;

// The resolved built-in playbook for acme-1 with memory_max 900M.
export function acmeTasks(): ResolvedTask[] {
  return expandPlaybook(loadPlaybook(builtinPlaybookPath()), hostFixture({ memory_max: '900M' }));
}

// Facts of a host where every managed file matches, units run as recorded, health answers 200.
export function convergedFacts(tasks: readonly ResolvedTask[]): {
  facts: HostFacts;
  texts: Map<string, string>;
} {
  const facts = emptyFacts();
  facts.now = WRITTEN_AT + 3600;
  facts.bootedAt = BOOTED_AT;
  const texts = new Map<string, string>();
  const fileFact = (content: string) => ({
    exists: true,
    content,
    mtime: WRITTEN_AT,
    owner: 'root',
    group: 'root',
    mode: '644',
  });
  for (const task of tasks) {
    if (task.module !== 'unit' && task.module !== 'dropin' && task.module !== 'file') continue;
    facts.files.set(task.path, task.content === null ? ABSENT_FILE : fileFact(task.content));
    if (task.module === 'unit' && task.unit?.endsWith('.service')) facts.dropins.set(`${task.path}.d`, []);
  }
  for (const task of tasks) {
    if (task.module === 'dropin' && task.content !== null) {
      facts.dropins
        .get(task.path.slice(0, task.path.lastIndexOf('/')))
        ?.push({ name: 'local.conf', mtime: WRITTEN_AT });
      texts.set(task.path, task.content);
    }
  }
  facts.dropins
    .get('/etc/systemd/system/hub-platform.service.d')
    ?.push({ name: 'er-limits.conf', mtime: WRITTEN_AT - 86400 });
  texts.set(ER_LIMITS, readFileSync(new URL('er-limits.conf', FIXTURES), 'utf8'));
  facts.units = parseShowOutput(readFileSync(new URL('acme-1-converged.show.txt', FIXTURES), 'utf8'), []);
  facts.health.set('hub-platform.service', { kind: 'http', code: 200 });
  facts.health.set('hub-cloud.service', { kind: 'http', code: 200 });
  return { facts, texts };
}

// A time as the converged host's `...Monotonic` properties give it: microseconds since its boot.
export function sinceBoot(time: number): string {
  return String((time - BOOTED_AT) * 1e6);
}

// Change one unit's recorded `systemctl show` properties.
export function setShown(facts: HostFacts, unit: string, changes: Record<string, string>): void {
  facts.units.set(unit, { ...facts.units.get(unit), ...changes });
}
