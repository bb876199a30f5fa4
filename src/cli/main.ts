// The yargs root: lists every command from the command table, loads only the one that runs, inside the single error boundary.
import type { Argv } from 'yargs';
import { COMMANDS, type CommandEntry, commandsInArguments, type SetExitCode } from './command-table.js';
import { VERSION } from './version.js';

/** Run the CLI with these arguments; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  // `hfleet --version` answers before yargs loads: it is the fixed cost of every scripted call.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [{ default: yargs }, { HfleetError }, { reportError }, { EXIT }] = await Promise.all([
    import('yargs'),
    import('../errors.js'),
    import('./error-boundary.js'),
    import('../exit-codes.js'),
  ]);
  // A Ctrl-C while a fleet command loads is kept for its run, which then reports it (src/cli/interrupt.ts).
  // The command is the first word that is not an option; any doubt leaves the signals as they are.
  const command = argv.find((arg) => !arg.startsWith('-')) ?? '';
  const interrupt = FLEET_RUNS.includes(command) ? await import('./interrupt.js') : undefined;
  interrupt?.holdEarlyStopSignals();
  let exitCode: number = EXIT.ok;
  const setExitCode: SetExitCode = (code) => {
    exitCode = code;
  };
  try {
    const parser = yargs(argv)
      .scriptName('hfleet')
      .usage(
        '$0 <command> [options]\n\nKeep a fleet of Honeyframe servers in their intended systemd state, over SSH.',
      );
    await registerCommands(parser, argv, setExitCode);
    await parser
      .demandCommand(1, `name a command: ${COMMANDS.map((entry) => entry.name).join(', ')}`)
      .strict()
      .exitProcess(false)
      .version(VERSION)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(110, process.stdout.columns || 110))
      .fail((message, error) => {
        if (error) throw error;
        throw new HfleetError('USAGE', message, { hint: 'see hfleet --help' });
      })
      .parseAsync();
  } catch (error) {
    return reportError(error);
  } finally {
    interrupt?.releaseEarlyStopSignals();
  }
  return exitCode;
}

/** The commands that run on the fleet and report a signal that stopped them (README "Signals"). */
const FLEET_RUNS = ['apply', 'drift', 'status', 'restart'];

// Register in full every command the arguments name, every other one as a listing only (shell completion loads all).
async function registerCommands(
  parser: Argv,
  argv: readonly string[],
  setExitCode: SetExitCode,
): Promise<void> {
  const named = commandsInArguments(argv);
  const completing = argv.includes('--get-yargs-completions');
  for (const entry of COMMANDS) {
    if (completing || named.includes(entry)) parser.command((await entry.load())(setExitCode));
    else parser.command(listingOnly(entry));
  }
}

// A command as `hfleet --help` lists it, without its module.
function listingOnly(entry: CommandEntry) {
  return {
    command: entry.command,
    describe: entry.describe,
    handler: () => {
      throw new Error(`hfleet ${entry.name} ran without its module`);
    },
  };
}
