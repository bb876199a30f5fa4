// Runs the CLI in-process and captures what it prints.
import { vi } from 'vitest';
import yargs, { type CommandModule } from 'yargs';
import { main } from '../../src/cli/main.js';

// Run `hfleet ARGS`; resolves to the exit code and everything written to stdout and stderr.
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

// The `--help` text of one command module, without exiting the process.
// biome-ignore lint/suspicious/noExplicitAny: any command module, whatever its argument type
export function commandHelp(module: CommandModule<object, any>, name: string): Promise<string> {
  return new Promise((resolve) => {
    yargs()
      .scriptName('hfleet')
      .command(module)
      .exitProcess(false)
      .wrap(null)
      .parse([name, '--help'], {}, (_error, _argv, output) => resolve(output));
  });
}
