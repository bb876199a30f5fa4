import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/systemd/lint/finding.js';
import {
  formatFinding,
  hasErrors,
  lintUnitFile,
  lintUnitWithDropins,
} from '../../../../src/systemd/lint/lint-unit.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, verifyUnits } from '../analyze.js';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../../fixtures/units/${name}`, import.meta.url));
const lintFixture = (name: string) =>
  lintUnitFile({ path: name, content: readFileSync(fixturePath(name), 'utf8') });
const rules = (findings: Finding[]) => findings.map((f) => `${f.line} ${f.severity} ${f.rule}`);
const REFERENCE = readFileSync(fixturePath('reference-hub-platform.service'), 'utf8');

describe('lintUnitFile on fixtures', () => {
  it('finds nothing in the reference unit', () => {
    expect(lintFixture('reference-hub-platform.service')).toEqual([]);
  });

  it('StartLimitIntervalSec in [Service] is an error, StartLimitBurst there a warning', () => {
    expect(rules(lintFixture('start-limit-in-service.service'))).toEqual([
      '6 error start-limit-in-service',
      '7 warning start-limit-in-service',
    ]);
  });

  it('a MemoryMax systemd would not accept is an error', () => {
    const [finding] = lintFixture('bad-memory.service');
    expect(finding).toMatchObject({
      file: 'bad-memory.service',
      line: 6,
      rule: 'memory-limit',
      severity: 'error',
    });
  });

  it('unknown keys and sections are errors; X- sections are fine', () => {
    expect(rules(lintFixture('unknown-things.service'))).toEqual([
      '3 error unknown-key',
      '8 error unknown-section',
    ]);
    expect(lintFixture('commented.service').filter((f) => f.rule === 'unknown-section')).toEqual([]);
  });

  it('duplicates, compat StartLimitBurst, Restart without RestartSec and no [Install] are warnings only', () => {
    const findings = lintFixture('warnings-only.service');
    expect(rules(findings)).toEqual([
      '6 warning start-limit-in-service',
      '9 warning duplicate-key',
      '1 warning missing-install',
      '7 warning restart-without-delay',
    ]);
    expect(hasErrors(findings)).toBe(false);
  });

  it('an escape systemd does not know is a warning in a command line and an error in Environment=', () => {
    const findings = lintUnitFile({
      path: 'escapes.service',
      content: [
        '[Service]',
        'ExecStart=/usr/bin/sleep 1',
        String.raw`ExecReload=/usr/bin/kill -USR2 \$MAINPID`,
        String.raw`Environment=COST=\$5`,
        '[Install]',
        'WantedBy=multi-user.target',
      ].join('\n'),
    });
    expect(rules(findings)).toEqual(['3 warning unknown-escape', '4 error invalid-value']);
  });

  it('0 is a memory limit only where systemd takes it; %c, %r and %R are deprecated, not unknown', () => {
    const findings = lintUnitFile({
      path: 'limits.service',
      content: [
        '[Service]',
        'ExecStart=/usr/bin/app --cgroup %r',
        'MemoryMin=0',
        'MemorySwapMax=0%',
        'MemoryHigh=0',
        '[Install]',
        'WantedBy=multi-user.target',
      ].join('\n'),
    });
    expect(rules(findings)).toEqual(['2 warning deprecated-specifier', '5 error memory-limit']);
  });

  it('a header or assignment that was not UTF-8 is an error; a comment may hold anything', () => {
    const content =
      '# caf\ufffd\n[Service]\nExecStart=/usr/bin/app --motd=caf\ufffd\n[Install]\nWantedBy=default.target\n';
    expect(rules(lintUnitFile({ path: 'latin1.service', content }))).toEqual(['3 error invalid-utf8']);
  });

  it('formats a finding as FILE:LINE: severity rule: message', () => {
    const [finding] = lintFixture('bad-memory.service');
    expect(formatFinding(finding as Finding)).toMatch(
      /^bad-memory\.service:6: error memory-limit: invalid MemoryMax '1500MB'/,
    );
  });
});

describe('lint rules on the effective unit', () => {
  const unit = { path: '/etc/systemd/system/hub-platform.service', content: REFERENCE };
  const dropin = (content: string, name = 'local.conf') => ({
    path: `/etc/systemd/system/hub-platform.service.d/${name}`,
    content,
  });

  it('fuser -k with a non-root User= is an error at the ExecStartPre line', () => {
    const findings = lintUnitWithDropins(unit, [dropin('[Service]\nUser=honeyframe\nGroup=honeyframe\n')], {
      runAs: 'honeyframe',
    });
    expect(findings.find((f) => f.rule === 'fuser-as-non-root')).toMatchObject({
      file: unit.path,
      line: 17,
      severity: 'error',
    });
    expect(findings.find((f) => f.rule === 'non-root-stop')?.severity).toBe('warning');
  });

  it('is clean once the drop-in resets ExecStartPre and stops gracefully', () => {
    const conf =
      '[Service]\nUser=honeyframe\nGroup=honeyframe\nExecStartPre=\nExecStartPre=/bin/sleep 2\nTimeoutStopSec=15\nKillMode=mixed\n';
    expect(lintUnitWithDropins(unit, [dropin(conf)], { runAs: 'honeyframe' })).toEqual([]);
  });

  it('a later drop-in setting User=root again makes fuser fine', () => {
    const findings = lintUnitWithDropins(unit, [
      dropin('[Service]\nUser=honeyframe\n', 'a.conf'),
      dropin('[Service]\nUser=root\n', 'b.conf'),
    ]);
    expect(findings).toEqual([]);
  });

  it('reports a User= that differs from the inventory run_as', () => {
    expect(rules(lintUnitWithDropins(unit, [], { runAs: 'honeyframe' }))).toEqual([
      '9 error run-as-mismatch',
    ]);
  });

  it('a service without ExecStart= is an error at its [Service] header; a triggered one needs no [Install]', () => {
    const findings = lintUnitFile(
      { path: 'x.service', content: '[Unit]\nDescription=x\n[Service]\nType=oneshot\n' },
      { triggered: true },
    );
    expect(rules(findings)).toEqual(['3 error missing-exec-start']);
  });

  it('lints a drop-in on its own with the rules of its unit type', () => {
    const findings = lintUnitFile(dropin('[Service]\nStartLimitIntervalSec=5\n[Timer]\nOnCalendar=daily\n'));
    expect(rules(findings)).toEqual(['2 error start-limit-in-service', '3 error unknown-section']);
  });

  it('flags assignments outside a section and unreadable lines', () => {
    expect(rules(lintUnitFile(dropin('User=honeyframe\n[Service]\ngarbage\n')))).toEqual([
      '1 error outside-section',
      '3 error invalid-line',
    ]);
  });
});

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(
  `lint agrees with systemd-analyze verify (else skipped: ${SKIP_REASON})`,
  () => {
    it('systemd accepts silently every fixture lint finds no error in', () => {
      for (const name of ['reference-hub-platform.service', 'commented.service', 'warnings-only.service']) {
        expect(hasErrors(lintFixture(name)), name).toBe(false);
        expect(verifyUnits([fixturePath(name)]), name).toEqual({ status: 0, messages: [] });
      }
    });

    it('systemd complains about every fixture lint finds a systemd-level error in', () => {
      for (const name of ['start-limit-in-service.service', 'bad-memory.service', 'unknown-things.service']) {
        expect(hasErrors(lintFixture(name)), name).toBe(true);
        expect(verifyUnits([fixturePath(name)]).messages.length, name).toBeGreaterThan(0);
      }
    });

    it('says exactly what the recorded fixture says about StartLimitIntervalSec in [Service]', () => {
      const recorded = readFileSync(fixturePath('start-limit-in-service.verify.txt'), 'utf8').trim();
      expect(verifyUnits([fixturePath('start-limit-in-service.service')]).messages).toEqual([recorded]);
    });
  },
);
