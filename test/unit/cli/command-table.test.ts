import { describe, expect, it } from 'vitest';
import { COMMANDS, commandHeader, commandInArguments } from '../../../src/cli/command-table.js';

describe('the command table', () => {
  it('finds the command an argument list runs, past options before it', () => {
    expect(commandInArguments(['apply', 'inventory.yml'])?.name).toBe('apply');
    expect(commandInArguments(['--json', 'status'])?.name).toBe('status');
    expect(commandInArguments(['--help'])).toBeUndefined();
    expect(commandInArguments([])).toBeUndefined();
  });

  it('refuses a name it does not list', () => {
    expect(() => commandHeader('nope')).toThrow(/no command named nope/);
  });

  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    '%s: its module loads and carries the usage line and description of the table',
    async (_name, entry) => {
      const module = (await entry.load())(() => {});
      expect(module.command).toBe(entry.command);
      expect(module.describe).toBe(entry.describe);
      expect(entry.command.split(' ')[0]).toBe(entry.name);
    },
  );
});
