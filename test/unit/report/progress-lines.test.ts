import { describe, expect, it } from 'vitest';
import { progressLine, progressWriter } from '../../../src/report/progress-lines.js';

describe('progressLine', () => {
  it('names the host, its outcome, the error code when there is one, and the seconds', () => {
    expect(progressLine({ host: 'acme-1', status: 'changed', error_code: null }, 4.24)).toBe(
      'acme-1: changed (4.2 s)\n',
    );
    expect(progressLine({ host: 'globex-1', status: 'failed', error_code: 'HEALTH_TIMEOUT' }, 31)).toBe(
      'globex-1: failed HEALTH_TIMEOUT (31.0 s)\n',
    );
  });
});

describe('progressWriter', () => {
  const entry = { host: 'acme-1', status: 'clean', error_code: null };

  it('writes one line per host on stderr when stdout is not a terminal', () => {
    const lines: string[] = [];
    const write = progressWriter({
      quiet: false,
      stdout: { isTTY: false },
      stderr: { write: (text: string) => lines.push(text) },
    });
    write?.(entry, 1);
    write?.({ ...entry, host: 'globex-1' }, 2);
    expect(lines).toEqual(['acme-1: clean (1.0 s)\n', 'globex-1: clean (2.0 s)\n']);
  });

  it('is off on a terminal (the live output stays) and with --quiet', () => {
    expect(progressWriter({ quiet: false, stdout: { isTTY: true } })).toBeUndefined();
    expect(progressWriter({ quiet: true, stdout: { isTTY: false } })).toBeUndefined();
  });
});
