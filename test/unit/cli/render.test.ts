import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCommand } from '../../../src/cli/commands/render.js';
import { commandHelp, runCli } from '../../support/cli-capture.js';

const scratch = mkdtempSync(join(tmpdir(), 'hfleet-render-cmd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const reference = readFileSync(
  new URL('../../fixtures/units/reference-hub-platform.service', import.meta.url),
  'utf8',
);

function inventory(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}
const FLEET = `customers:
  acme:
    display_name: Acme Corp
    hosts:
      acme-1: { address: 203.0.113.10 }
      acme-2: { address: 203.0.113.11, vars: { run_as: honeyframe, memory_max: 900M } }
  globex:
    display_name: Globex
    hosts:
      globex-1: { address: 203.0.113.12 }
`;

describe('hfleet render', () => {
  it("writes every host's files under DIR/HOST/etc/systemd/system and a summary line per host", async () => {
    const out = join(scratch, 'out-all');
    const result = await runCli(['render', inventory('fleet.yml', FLEET), '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['acme-1', 'acme-2', 'globex-1']);
    expect(readFileSync(join(out, 'acme-1/etc/systemd/system/hub-platform.service'), 'utf8')).toBe(reference);
    expect(existsSync(join(out, 'acme-1/etc/systemd/system/hub-platform.service.d'))).toBe(false);
    expect(
      readFileSync(join(out, 'acme-2/etc/systemd/system/hub-platform.service.d/local.conf'), 'utf8'),
    ).toContain('MemoryMax=900M\n');
    expect(existsSync(join(out, 'globex-1/etc/systemd/system/dbt-run.timer'))).toBe(true);
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
    expect(result.stderr).toMatch(/^acme-2: 5 unit\(s\), 4 drop-in\(s\)/m);
    expect(result.stdout).toBe('');
  });

  it('renders only the hosts --limit selects, and prints one JSON document with --json', async () => {
    const out = join(scratch, 'out-limit');
    const result = await runCli([
      'render',
      inventory('fleet.yml', FLEET),
      '--out',
      out,
      '--limit',
      'globex',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual(['globex-1']);
    const document = JSON.parse(result.stdout);
    expect(document.hosts[0]).toMatchObject({ host: 'globex-1', customer: 'globex' });
    expect(document.hosts[0].files).toHaveLength(5);
  });

  it('exits 1 and writes nothing when a host lists a service without a template', async () => {
    const out = join(scratch, 'out-bad');
    const bad = FLEET.replace(
      'globex-1: { address: 203.0.113.12 }',
      'globex-1: { address: 203.0.113.12, vars: { services: [hub-billing] } }',
    );
    const result = await runCli(['render', inventory('bad.yml', bad), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /host globex-1: .*honeyframe.yml: tasks\/0\/unit\/template: template 'templates\/hub-billing.service' not found/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 on a missing inventory or a missing --out', async () => {
    expect((await runCli(['render', join(scratch, 'nope.yml'), '--out', scratch])).code).toBe(1);
    expect((await runCli(['render', inventory('fleet.yml', FLEET)])).code).toBe(1);
  });

  it('has help text with an example', async () => {
    const help = await commandHelp(
      renderCommand(() => {}),
      'render',
    );
    expect(help).toContain('Examples:');
    expect(help).toContain('hfleet render inventory.yml --out rendered');
  });
});
