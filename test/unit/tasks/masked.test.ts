import { describe, expect, it } from 'vitest';
import { hostFindings } from '../../../src/drift/host-findings.js';
import { planHost } from '../../../src/tasks/plan-host.js';
import { ABSENT_FILE, acmeTasks, convergedFacts, setShown } from '../drift/converged-host.js';

const SCHEDULER = 'hub-scheduler.service';

function maskedScheduler() {
  const tasks = acmeTasks();
  const { facts, texts } = convergedFacts(tasks);
  setShown(facts, SCHEDULER, { LoadState: 'masked', UnitFileState: 'masked', ActiveState: 'inactive' });
  facts.files.set(`/etc/systemd/system/${SCHEDULER}`, { ...ABSENT_FILE });
  return { tasks, facts, texts };
}

describe('masked units', () => {
  it('apply plans nothing for a masked unit by default and names it', () => {
    const { tasks, facts } = maskedScheduler();
    const plan = planHost(tasks, facts);
    expect(plan.masked).toEqual([SCHEDULER]);
    expect(plan.files.map((f) => f.path)).not.toContain(`/etc/systemd/system/${SCHEDULER}`);
    expect([...plan.start, ...plan.enable, ...plan.restart]).not.toContain(SCHEDULER);
    expect(plan.health.map((h) => h.unit)).not.toContain(SCHEDULER);
  });

  it('with unmask, apply unmasks it first, then writes and (re)starts it', () => {
    const { tasks, facts } = maskedScheduler();
    const plan = planHost(tasks, facts, { unmask: true });
    expect(plan.unmask).toEqual([SCHEDULER]);
    expect(plan.files.map((f) => f.path)).toContain(`/etc/systemd/system/${SCHEDULER}`);
    expect(plan.restart).toContain(SCHEDULER);
  });

  it('drift reports masked, not missing, and apply leaves it alone', () => {
    const { tasks, facts, texts } = maskedScheduler();
    const findings = hostFindings(tasks, facts, { knownDropins: ['er-limits.conf'], dropinTexts: texts });
    expect(findings.map((f) => `${f.kind} ${f.unit}`)).toEqual([`masked ${SCHEDULER}`]);
    expect(findings[0]?.fix).toBeNull();
  });
});
