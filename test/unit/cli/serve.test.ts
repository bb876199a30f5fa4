import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { serveCommand } from '../../../src/cli/commands/serve.js';
import { runCli } from '../../support/cli-capture.js';
import { scratchDir } from '../../support/scratch-dir.js';

// An inventory of one host on a loopback port nothing listens on: serve runs, the host is unreachable.
function loopbackInventory(): string {
  const file = path.join(scratchDir(), 'inventory.yml');
  writeFileSync(file, 'customers:\n  acme:\n    hosts:\n      acme-1: { address: 127.0.0.1, port: 1 }\n');
  return file;
}

// Run `hfleet serve ARGS` in-process until it has printed its first line; then stop it.
async function firstLine(args: string[]): Promise<{ line: string; code: number | undefined }> {
  let stdout = '';
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    if (stdout.includes('\n')) stop();
    return true;
  });
  let code: number | undefined;
  try {
    await yargs()
      .command(
        serveCommand(
          (value) => {
            code = value;
          },
          () => stopped,
        ),
      )
      .exitProcess(false)
      .strict()
      .parseAsync(['serve', ...args]);
  } finally {
    out.mockRestore();
  }
  return { line: stdout, code };
}

describe('hfleet serve options', () => {
  it('with --json prints one JSON line once listening: the bound address, never the token', async () => {
    const { line, code } = await firstLine([
      loopbackInventory(),
      '--listen',
      '127.0.0.1:0',
      '--token',
      'not-in-the-line',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(line).not.toContain('not-in-the-line');
    const document = JSON.parse(line);
    expect(document).toMatchObject({ hosts: 1, interval_seconds: 30, pid: process.pid });
    expect(document.listen).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(document.listen).not.toBe('127.0.0.1:0');
    expect(document.url).toBe(`http://${document.listen}/`);
  });

  it('without --json prints the address for people', async () => {
    const { line } = await firstLine([loopbackInventory(), '--listen', '127.0.0.1:0']);
    expect(line).toMatch(/^hfleet serve: http:\/\/127\.0\.0\.1:\d+\/ \(1 hosts, /);
  });

  it('refuses --output with one line and exit 1, before listening', async () => {
    const result = await runCli(['serve', loopbackInventory(), '--output', 'junit', 'report.xml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--output');
  });

  it('refuses a --step-timeout that is not a number of seconds', async () => {
    const result = await runCli(['serve', loopbackInventory(), '--step-timeout', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--step-timeout');
  });
});
