import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lintCommand } from '../../../src/cli/commands/lint.js';
import { commandHelp, runCli } from '../../support/cli-capture.js';

const scratch = mkdtempSync(join(tmpdir(), 'hfleet-lint-cmd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/units/${name}`, import.meta.url));

const FLEET = `customers:
  acme:
    display_name: Acme Corp
    hosts:
      acme-1: { address: 203.0.113.10 }
      acme-2: { address: 203.0.113.11, vars: { run_as: honeyframe, memory_max: 900M, private_tmp: true } }
`;

describe('hfleet lint', () => {
  it('lints the rendered units of every host of an inventory: clean, exit 0', async () => {
    const path = join(scratch, 'fleet.yml');
    writeFileSync(path, FLEET);
    const result = await runCli(['lint', path, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toContain('lint: 0 error(s), 0 warning(s)');
  });

  it('prints FILE:LINE: severity rule: message and exits 1 on an error-level finding', async () => {
    const result = await runCli(['lint', fixture('start-limit-in-service.service')]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${fixture('start-limit-in-service.service')}:6: error start-limit-in-service: StartLimitIntervalSec belongs in [Unit]: systemd ignores it in [Service]`,
      `${fixture('start-limit-in-service.service')}:7: warning start-limit-in-service: StartLimitBurst belongs in [Unit]: [Service] accepts it only for compatibility`,
    ]);
  });

  it('exits 0 on warnings only, and --json prints one array of findings', async () => {
    const result = await runCli(['lint', fixture('warnings-only.service'), '--json']);
    expect(result.code).toBe(0);
    const findings = JSON.parse(result.stdout);
    expect(findings).toHaveLength(4);
    expect(findings[0]).toEqual(
      expect.objectContaining({ line: 6, severity: 'warning', rule: 'start-limit-in-service' }),
    );
  });

  it("merges a unit's NAME.service.d/ drop-ins: fuser -k as a non-root user is an error", async () => {
    const dir = join(scratch, 'system');
    mkdirSync(join(dir, 'hub-platform.service.d'), { recursive: true });
    const unit = join(dir, 'hub-platform.service');
    copyFileSync(fixture('reference-hub-platform.service'), unit);
    expect((await runCli(['lint', unit])).code).toBe(0);
    writeFileSync(join(dir, 'hub-platform.service.d/local.conf'), '[Service]\nUser=honeyframe\n');
    const result = await runCli(['lint', unit]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${unit}:17: error fuser-as-non-root:`);
  });

  it('lints a drop-in given on its own', async () => {
    const dropin = join(scratch, 'er-limits.conf');
    writeFileSync(dropin, '[Service]\nMemoryMax=lots\n');
    const result = await runCli(['lint', dropin]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${dropin}:2: error memory-limit:`);
  });

  it('reports a path it cannot read as a finding of that path and still lints the others', async () => {
    const missing = join(scratch, 'missing.service');
    const bad = fixture('bad-memory.service');
    const result = await runCli(['lint', fixture('warnings-only.service'), missing, bad]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`${missing}:0: error unreadable: cannot read: no such file`);
    expect(lines.some((line) => line.startsWith(`${bad}:6: error memory-limit`))).toBe(true);
    expect(lines.some((line) => line.startsWith(fixture('warnings-only.service')))).toBe(true);
  });

  it('has help text with examples', async () => {
    const help = await commandHelp(
      lintCommand(() => {}),
      'lint',
    );
    expect(help).toContain('hfleet lint inventory.yml');
    expect(help).toContain('hfleet lint hub-platform.service');
  });
});
