// The yargs root: registers one module per command and runs it inside the single error boundary.
import yargs from 'yargs';
import { HfleetError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { applyCommand } from './commands/apply.js';
import { completionCommand } from './commands/completion.js';
import { demoCommand } from './commands/demo.js';
import { driftCommand } from './commands/drift.js';
import { historyCommand } from './commands/history.js';
import { importAnsibleCommand } from './commands/import-ansible.js';
import { labCommand } from './commands/lab.js';
import { lintCommand } from './commands/lint.js';
import { logsCommand } from './commands/logs.js';
import { renderCommand } from './commands/render.js';
import { restartCommand } from './commands/restart.js';
import { serveCommand } from './commands/serve.js';
import { statusCommand } from './commands/status.js';
import { reportError } from './error-boundary.js';
import { VERSION } from './version.js';

// Run the CLI with these arguments; resolves to the process exit code.
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  try {
    await yargs(argv)
      .scriptName('hfleet')
      .usage(
        '$0 <command> [options]\n\nKeep a fleet of Honeyframe servers in their intended systemd state, over SSH.',
      )
      .command(applyCommand(setExitCode))
      .command(driftCommand(setExitCode))
      .command(restartCommand(setExitCode))
      .command(statusCommand(setExitCode))
      .command(serveCommand(setExitCode))
      .command(renderCommand(setExitCode))
      .command(lintCommand(setExitCode))
      .command(logsCommand(setExitCode))
      .command(historyCommand(setExitCode))
      .command(labCommand(setExitCode))
      .command(demoCommand(setExitCode))
      .command(importAnsibleCommand(setExitCode))
      .command(completionCommand(setExitCode))
      .demandCommand(
        1,
        'name a command: apply, drift, restart, status, serve, history, logs, render, lint, lab, import-ansible or completion',
      )
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
  }
  return exitCode;
}
