import { describe, expect, it } from 'vitest';
import { COMMANDS, commandHeader, commandsInArguments } from '../../../src/cli/command-table.js';

describe('the command table', () => {
  it('finds every command an argument list may run, an option value that names one included', () => {
    const names = (argv: string[]) => commandsInArguments(argv).map((entry) => entry.name);
    expect(names(['apply', 'inventory.yml'])).toEqual(['apply']);
    expect(names(['--json', 'status'])).toEqual(['status']);
    expect(names(['--limit', 'status', 'apply'])).toEqual(['apply', 'status']);
    expect(names(['--help'])).toEqual([]);
    expect(names([])).toEqual([]);
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
