// Running controller-side programs for the lab: argument arrays only, output captured, failures as LAB errors.
import { spawn } from 'node:child_process';
import { HfleetError } from '../errors.js';

/** What one finished program left behind. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of one run. */
export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Run a program to completion; never throws for a non-zero exit (a missing program is code 127). */
export function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [program, ...args] = argv;
  if (!program) throw new Error('run: empty command');
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error) => resolve({ code: 127, stdout, stderr: stderr + error.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Run a program and throw a LAB error naming it (with the end of its stderr) when it fails. */
export async function runChecked(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(argv, options);
  if (result.code !== 0) {
    const tail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' | ');
    throw new HfleetError('LAB', `${argv.slice(0, 3).join(' ')} failed (exit ${result.code}): ${tail}`);
  }
  return result;
}

/** Log one line of lab progress on stderr (stdout stays free for --json). */
export function progress(message: string): void {
  process.stderr.write(`lab: ${message}\n`);
}
