// Runs the CLI in-process and captures what it prints.
import { vi } from 'vitest';
import yargs, { type CommandModule } from 'yargs';
import { main } from '../../src/cli/main.js';

// Run `hfleet ARGS`; resolves to the exit code and everything written to stdout and stderr.
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { value, stdout, stderr } = await captureOutput(() => main(args));
  return { code: value, stdout, stderr };
}

// Run `run` with stdout and stderr captured; resolves to what it returned and what it wrote to each.
export async function captureOutput<T>(
  run: () => Promise<T>,
): Promise<{ value: T; stdout: string; stderr: string }> {
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
    const value = await run();
    return { value, stdout, stderr };
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
