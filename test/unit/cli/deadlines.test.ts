import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src/cli/commands/apply.js';
import { commandHelp, runCli } from '../../support/cli-capture.js';

describe('deadline options', () => {
  it.each([
    ['apply', '--step-timeout', '0'],
    ['apply', '--health-timeout', 'soon'],
    ['drift', '--step-timeout', '-5'],
    ['status', '--step-timeout', '100000'],
    ['restart', '--step-timeout', 'x'],
  ])('%s %s %s: one line naming the option, exit 1, nothing touched', async (command, option, value) => {
    const run = await runCli([command, 'no-such-inventory.yml', option, value]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^hfleet: ${option}: '[^']+' is not a number of seconds \\(0 < S <= 86400\\)\n`),
    );
  });

  it('apply documents its deadlines and their defaults', async () => {
    const help = await commandHelp(
      applyCommand(() => {}),
      'apply',
    );
    expect(help).toMatch(/--step-timeout .*\[default: 300\]/);
    expect(help).toMatch(/--health-timeout .*health_timeout var/);
  });
});
