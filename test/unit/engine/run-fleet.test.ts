import { describe, expect, it } from 'vitest';
import { runFleet } from '../../../src/engine/run-fleet.js';
import type { Host } from '../../../src/inventory/types.js';
import { hostFixture } from '../render/host-fixture.js';

const hosts = ['a', 'b', 'c', 'd'].map((name) => hostFixture({}, { name, customer: name }));

describe('runFleet', () => {
  it('runs every host and returns results in inventory order, each seen once by onResult', async () => {
    const seen: string[] = [];
    const run = await runFleet(hosts, async (host: Host) => host.name, {
      forks: 2,
      onResult: (result, seconds) => {
        seen.push(result);
        expect(seconds).toBeGreaterThanOrEqual(0);
      },
    });
    expect(run).toEqual({ results: ['a', 'b', 'c', 'd'], untouched: [] });
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('once stopped starts no host; those running finish and leave `running` empty', async () => {
    const controller = new AbortController();
    const running = new Set<string>();
    const inFlight: string[][] = [];
    const job = async (host: Host) => {
      inFlight.push([...running]);
      if (host.name === 'b') controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 1));
      return host.name;
    };
    const run = await runFleet(hosts, job, { forks: 2, stop: { signal: controller.signal, running } });
    expect(run).toEqual({ results: ['a', 'b'], untouched: ['c', 'd'] });
    expect(inFlight[1]).toEqual(['a', 'b']);
    expect(running.size).toBe(0);
  });
});
