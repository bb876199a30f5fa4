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

  it('stops after the batch in progress when interrupted', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const interruptingJob = async (host: Host) => {
      if (host.name === 'b') controller.abort();
      return job([], seen)(host);
    };
    const report = await runRollout(batches, interruptingJob, {
      maxFail: 0,
      signal: controller.signal,
      emit: () => {},
    });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(report).toMatchObject({ interrupted: true, halted: false, untouched: ['d', 'e'] });
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
