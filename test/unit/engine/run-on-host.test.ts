import { describe, expect, it } from 'vitest';
import { failureFields, runOnHost } from '../../../src/engine/run-on-host.js';
import { HfleetError } from '../../../src/errors.js';
import { hostFixture } from '../render/host-fixture.js';

function handle() {
  const state = { ended: 0, end: () => void state.ended++ };
  return state;
}

describe('runOnHost', () => {
  it('ends the handle after the work, and reports no failure', async () => {
    const opened = handle();
    const run = await runOnHost(
      hostFixture(),
      async () => opened,
      async () => {},
    );
    expect(run.failure).toBeUndefined();
    expect(opened.ended).toBe(1);
    expect(failureFields(run.failure)).toEqual({ error: null, error_code: null });
  });

  it('marks a connection error while opening as unreachable', async () => {
    const run = await runOnHost(
      hostFixture(),
      async () => {
        throw new HfleetError('SSH_TIMEOUT', 'acme-1: connection timed out');
      },
      async () => {},
    );
    expect(run.handle).toBeUndefined();
    expect(run.failure?.unreachable).toBe(true);
    expect(failureFields(run.failure)).toEqual({
      error: 'acme-1: connection timed out',
      error_code: 'SSH_TIMEOUT',
    });
  });

  it('marks the same error after opening as a failure on the host, and still ends the handle', async () => {
    const opened = handle();
    const run = await runOnHost(
      hostFixture(),
      async () => opened,
      async () => {
        throw new HfleetError('SSH_TIMEOUT', 'acme-1: facts did not finish in 60 s');
      },
    );
    expect(run.failure?.unreachable).toBe(false);
    expect(opened.ended).toBe(1);
  });

  it('turns a plain Error into UNEXPECTED with its first line, keeping the original as cause', async () => {
    const bug = new Error('something broke\nsecond line');
    const run = await runOnHost(
      hostFixture(),
      async () => handle(),
      async () => {
        throw bug;
      },
    );
    expect(run.failure?.error).toBeInstanceOf(HfleetError);
    expect(run.failure?.error.cause).toBe(bug);
    expect(failureFields(run.failure)).toEqual({ error: 'something broke', error_code: 'UNEXPECTED' });
  });
});
