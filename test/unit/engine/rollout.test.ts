import { describe, expect, it } from 'vitest';
import type { Batch } from '../../../src/engine/batches.js';
import { blankResult, type HostResult } from '../../../src/engine/host-result.js';
import { runRollout } from '../../../src/engine/rollout.js';
import type { Host } from '../../../src/inventory/types.js';
import { hostFixture } from '../render/host-fixture.js';

function batch(...names: string[]): Batch {
  return { customers: names, hosts: names.map((name) => hostFixture({}, { name, customer: name })) };
}

function job(failing: string[], seen: string[]) {
  return async (host: Host): Promise<HostResult> => {
    seen.push(host.name);
    const result = blankResult(host);
    return failing.includes(host.name)
      ? { ...result, status: 'failed', error: `${host.name}: unhealthy` }
      : result;
  };
}

const batches = [batch('a'), batch('b', 'c'), batch('d'), batch('e')];

describe('runRollout', () => {
  it('runs every batch in order when all are healthy', async () => {
    const seen: string[] = [];
    const report = await runRollout(batches, job([], seen), { maxFail: 0, emit: () => {} });
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(report).toMatchObject({
      halted: false,
      untouched: [],
      failed: [],
      restarted: ['a', 'b', 'c', 'd', 'e'],
    });
    expect(report.batches.map((b) => b.status)).toEqual(['healthy', 'healthy', 'healthy', 'healthy']);
  });

  it('halts at the first failing batch with --max-fail 0, leaving the rest untouched', async () => {
    const seen: string[] = [];
    const report = await runRollout(batches, job(['c'], seen), { maxFail: 0, emit: () => {} });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(report).toMatchObject({
      halted: true,
      failed: ['c'],
      untouched: ['d', 'e'],
      restarted: ['a', 'b', 'c'],
    });
    expect(report.batches[1]).toMatchObject({ status: 'failed', error: 'c: unhealthy' });
  });

  it('tolerates exactly --max-fail failures and halts at the next', async () => {
    const seen: string[] = [];
    const report = await runRollout(batches, job(['a', 'd'], seen), { maxFail: 1, emit: () => {} });
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(report).toMatchObject({ halted: true, failed: ['a', 'd'], untouched: ['e'] });
  });

  it('starts no host once stopped: the hosts running finish, the rest are untouched', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const interruptingJob = async (host: Host) => {
      if (host.name === 'b') controller.abort();
      return job([], seen)(host);
    };
    const report = await runRollout(batches, interruptingJob, {
      maxFail: 0,
      stop: { signal: controller.signal, running: new Set<string>() },
      emit: () => {},
    });
    expect(seen).toEqual(['a', 'b']);
    expect(report).toMatchObject({ interrupted: true, halted: false, untouched: ['c', 'd', 'e'] });
    expect(report.batches.map((b) => b.status)).toEqual(['healthy', 'interrupted']);
    expect(report.results.map((r) => r.host)).toEqual(['a', 'b']);
  });

  it('lets every host already running finish when stopped mid-batch', async () => {
    const controller = new AbortController();
    const running = new Set<string>();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowJob = async (host: Host) => {
      if (host.name === 'c') {
        controller.abort();
        release();
      } else if (host.name === 'b') await held;
      return blankResult(host);
    };
    const report = await runRollout(batches, slowJob, {
      maxFail: 0,
      stop: { signal: controller.signal, running },
      emit: () => {},
    });
    expect(report.results.map((r) => r.host)).toEqual(['a', 'b', 'c']);
    expect(report).toMatchObject({ interrupted: true, untouched: ['d', 'e'], restarted: ['a', 'b', 'c'] });
    expect(running.size).toBe(0);
  });
});

describe('runRollout with forks', () => {
  it('never runs more hosts of a batch at once than --forks', async () => {
    let running = 0;
    let most = 0;
    const counting = async (host: Host): Promise<HostResult> => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return blankResult(host);
    };
    const wide = [batch('a', 'b', 'c', 'd', 'e', 'f')];
    await runRollout(wide, counting, { maxFail: 0, forks: 2, emit: () => {} });
    expect(most).toBe(2);
    await runRollout(wide, counting, { maxFail: 0, emit: () => {} });
    expect(most).toBe(6);
  });
});
