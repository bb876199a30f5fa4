import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_PIPE_EXIT, endQuietlyOnClosedPipe } from '../../../src/cli/closed-pipe.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('a closed output pipe', () => {
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist/cli/closed-pipe.js'))) {
      spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    }
  });

  it('ends with the SIGPIPE status on EPIPE, and leaves other errors alone', () => {
    const stream = new EventEmitter() as unknown as NodeJS.WriteStream;
    const codes: number[] = [];
    endQuietlyOnClosedPipe(stream, (code) => codes.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([CLOSED_PIPE_EXIT]);
    expect(() => stream.emit('error', Object.assign(new Error('boom'), { code: 'EIO' }))).toThrow('boom');
  });

  it('hfleet writing to a reader that is gone exits 141 without a stack trace', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/hfleet.js'), '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The read end closes before the CLI has loaded, so its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(CLOSED_PIPE_EXIT);
    expect(stderr).toBe('');
  });
});
