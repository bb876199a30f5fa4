// Each hand-written unit in test/conformance/known-mistakes/ holds one mistake systemd refuses or ignores:
// lint must name it with the right rule, at the right line (systemd's own verdict is checked in
// conformance.test.ts). The units in accepted/ load as written: no error, and no misleading warning.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/systemd/lint/finding.js';
import { lintUnitFile, lintUnitWithDropins } from '../../../../src/systemd/lint/lint-unit.js';

const dir = (name: string) => fileURLToPath(new URL(`../../../conformance/${name}/`, import.meta.url));
const lint = (folder: string, name: string) =>
  lintUnitFile({ path: name, content: readFileSync(`${dir(folder)}${name}`, 'utf8') });
const errors = (findings: Finding[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.line} ${f.rule}`);

const EXPECTED: Record<string, string[]> = {
  'type-simping.service': ['6 invalid-value'],
  'type-daemon.service': ['6 invalid-value'],
  'restart-sometimes.service': ['6 invalid-value'],
  'private-tmp-maybe.service': ['6 invalid-value'],
  'restart-sec-fast.service': ['7 invalid-value'],
  'kill-mode-mixedd.service': ['6 invalid-value'],
  'environment-open-quote.service': ['6 invalid-value'],
  'environment-unknown-escape.service': ['6 invalid-value'],
  'environment-dotted-name.service': ['6 invalid-value'],
  'description-latin1.service': ['2 invalid-utf8'],
  'cpu-affinity-variable.service': ['6 invalid-value'],
  'user-instance-not-template.service': ['6 instance-outside-template'],
  'working-directory-relative.service': ['6 invalid-value'],
  'working-directory-home-path.service': ['6 invalid-value'],
  'restart-sec-empty.service': ['6 invalid-value'],
  'cpu-quota-fraction.service': ['6 invalid-value'],
  'failure-action-restart.service': ['3 invalid-value'],
  'kill-signal-lowercase.service': ['6 invalid-value'],
  'runtime-extra-without-max.service': ['6 extra-without-runtime-max'],
  'documentation-no-scheme.service': ['3 invalid-value'],
  'condition-relative-path.service': ['3 invalid-value'],
  'environment-file-quoted.service': ['6 invalid-value'],
  'nice-out-of-range.service': ['6 invalid-value'],
  'limit-nofile-word.service': ['6 invalid-value'],
  'limit-nofile-suffix.service': ['6 invalid-value'],
  'umask-not-octal.service': ['6 invalid-value'],
  'unknown-specifier.service': ['6 bad-specifier'],
  'standard-output-foo.service': ['6 invalid-value'],
  'protect-system-maybe.service': ['6 invalid-value'],
  'exec-start-relative.service': ['5 invalid-value'],
  'exec-start-second-relative.service': ['6 invalid-value'],
  'exec-start-plus-bang.service': ['5 invalid-value'],
  'oneshot-restart-always.service': ['6 oneshot-restart'],
  'two-exec-start.service': ['6 several-exec-start'],
  'no-exec-start.service': ['4 missing-exec-start'],
  'dbus-without-bus-name.service': ['5 dbus-without-bus-name'],
  'accept-with-service.socket': ['4 accept-with-service'],
  'accept-datagram.socket': ['2 accept-non-stream'],
  'socket-without-listen.socket': ['4 socket-without-listen'],
  'service-section-in-socket.socket': ['4 unknown-section'],
  'timer-without-trigger.timer': ['1 timer-without-trigger'],
  'on-calendar-every-day.timer': ['2 invalid-value', '1 timer-without-trigger'],
  'path-without-trigger.path': ['1 path-without-trigger'],
  'srv-data.mount': ['3 name-mismatch'],
  'srv-nothing.mount': ['1 mount-without-what'],
  'dev-sdb.swap': ['2 name-mismatch'],
  'srv-auto.automount': ['2 name-mismatch'],
  'backslash-space.service': ['6 invalid-line'],
  'outside-section.service': ['1 outside-section'],
  'include-line.service': ['1 outside-section'],
  'broken-header.service': ['4 invalid-section-header', '5 unknown-key', '1 missing-exec-start'],
  'key-in-wrong-section.service': ['3 unknown-key'],
  'io-priority-eight.service': ['7 invalid-value'],
  'cpu-priority-hundred.service': ['7 invalid-value'],
  'log-level-warn.service': ['6 invalid-value'],
  'exit-status-lowercase.service': ['6 invalid-value'],
  'exit-status-above-255.service': ['6 invalid-value'],
  'namespaces-network.service': ['6 invalid-value'],
  'mount-flags-rshared.service': ['6 invalid-value'],
  'slice-of-service.service': ['6 invalid-value'],
  'job-timeout-mins.service': ['7 invalid-value'],
  'timer-slack-nanoseconds.service': ['6 invalid-value'],
  'oom-preference-never.service': ['6 invalid-value'],
  'tty-rows-negative.service': ['7 invalid-value'],
  'on-success-job-mode.service': ['4 invalid-value'],
  'receive-buffer-kib.socket': ['6 invalid-value'],
  'timestamping-ms.socket': ['6 invalid-value'],
  'socket-priority-word.socket': ['6 invalid-value'],
  'dev-sdc.swap': ['6 invalid-value'],
  'state-directory-absolute.service': ['6 invalid-value'],
  'read-write-paths-relative.service': ['6 invalid-value'],
  'path-changed-relative.path': ['2 invalid-value', '1 path-without-trigger'],
  'listen-stream-comment.socket': ['2 invalid-value', '1 socket-without-listen'],
  'listen-stream-hostname.socket': ['4 invalid-value', '3 socket-without-listen'],
  'syscall-filter-tilde-twice.service': ['6 invalid-value'],
  'address-families-comma.service': ['6 invalid-value'],
  'ip-address-allow-hostname.service': ['7 invalid-value'],
  'device-allow-rwx.service': ['6 invalid-value'],
  'bind-paths-relative.service': ['6 invalid-value'],
  'pass-environment-assignment.service': ['6 invalid-value'],
};

describe('known mistakes', () => {
  it('covers every file of known-mistakes/', () => {
    expect(readdirSync(dir('known-mistakes')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: %j', (name, expected) => {
    expect(errors(lint('known-mistakes', name))).toEqual(expected);
  });

  it('a drop-in that resets ExecStart= and sets two commands on a simple service is refused', () => {
    const unit = { path: '/etc/systemd/system/app.service', content: '[Service]\nExecStart=/usr/bin/app\n' };
    const dropin = {
      path: '/etc/systemd/system/app.service.d/local.conf',
      content: '[Service]\nExecStart=\nExecStart=/usr/bin/app --one\nExecStart=/usr/bin/app --two\n',
    };
    expect(lintUnitWithDropins(unit, [dropin]).filter((f) => f.severity === 'error')).toMatchObject([
      { file: dropin.path, line: 4, rule: 'several-exec-start' },
    ]);
  });

  it('the same drop-in on a oneshot service is fine', () => {
    const unit = { path: 'app.service', content: '[Service]\nType=oneshot\nExecStart=/usr/bin/app\n' };
    const dropin = {
      path: 'app.service.d/local.conf',
      content: '[Service]\nExecStart=\nExecStart=/a\nExecStart=/b\n',
    };
    expect(errors(lintUnitWithDropins(unit, [dropin]))).toEqual([]);
  });
});

describe('units systemd accepts', () => {
  it.each(readdirSync(dir('accepted')))('%s has no error', (name) => {
    expect(errors(lint('accepted', name))).toEqual([]);
  });

  it('repeated SystemCallFilter=, RestrictAddressFamilies= and CapabilityBoundingSet= are not duplicates', () => {
    expect(lint('accepted', 'repeated-lists.service').map((f) => f.rule)).not.toContain('duplicate-key');
  });

  it('percent signs before no letter or digit, and 0 for MemorySwapMax= and MemoryLow=, are no findings', () => {
    expect(lint('accepted', 'percent-signs.service')).toEqual([]);
  });

  it('escapes systemd knows in command lines and environment words get no unknown-escape warning', () => {
    expect(lint('accepted', 'command-escapes.service').map((f) => f.rule)).toEqual(['missing-install']);
  });

  it('a backslash on the last line continues onto nothing, and a comment may hold any bytes', () => {
    expect(lint('accepted', 'continuation-at-end.service').map((f) => f.rule)).toEqual(['missing-install']);
  });

  it('SuccessAction= without ExecStart= is not a missing command', () => {
    expect(lint('accepted', 'success-action-only.service').map((f) => f.rule)).toEqual(['missing-install']);
  });

  it('a non-root User= given as %i or a placeholder gets no graceful-stop advice outside an inventory', () => {
    for (const user of ['%i', 'PH_SERVICE_USER']) {
      const findings = lintUnitFile({
        path: 'app@.service',
        content: `[Service]\nUser=${user}\nExecStart=/usr/bin/app\n[Install]\nWantedBy=multi-user.target\n`,
      });
      expect(findings).toEqual([]);
    }
  });
});
