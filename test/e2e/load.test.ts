// Load (only with HFLEET_LOAD=1): 20 consecutive applies and drifts on a 50-host lab, zero flaky results.
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ensureLab, labDown, labUp, readLabState } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';
import { describeWithLab } from './lab-context.js';
import { ensureBuilt, hfleet, labInventory } from './support/fleet.js';

const HOSTS = 50;
const ROUNDS = 20;
const enabled = process.env['HFLEET_LOAD'] === '1';

/** One round: an apply that changes some hosts, then a drift that must find none. */
interface Round {
  round: number;
  applyCode: number | null;
  applySummary: unknown;
  applySeconds: number;
  driftCode: number | null;
  driftSummary: unknown;
  driftSeconds: number;
  failures: string[];
}

// Settings of round `round`: every fifth customer's memory_max flips between two values, run_as on some.
function roundSettings(lab: LabState, round: number): Record<string, { vars: Record<string, unknown> }> {
  const settings: Record<string, { vars: Record<string, unknown> }> = {};
  lab.hosts.slice(0, HOSTS).forEach((host, index) => {
    const flips = index % 5 === round % 5;
    settings[host.customer] = {
      vars: {
        memory_max: flips && round % 2 === 1 ? '900M' : '1000M',
        ...(index % 7 === 0 ? { run_as: 'honeyframe' } : {}),
        private_tmp: index % 3 === 0,
      },
    };
  });
  return settings;
}

describeWithLab('load: 20 applies and drifts on 50 hosts', () => {
  it.skipIf(!enabled)(
    'every apply exits 0 with no failed host, every drift after it is clean',
    async () => {
      ensureBuilt();
      const before = readLabState()?.hosts.length ?? 0;
      const lab = await ensureLab(HOSTS);
      const rounds: Round[] = [];
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const inventory = labInventory(lab, roundSettings(lab, round), [], HOSTS);
          let started = performance.now();
          const apply = hfleet(['apply', inventory, '--json']);
          const applySeconds = (performance.now() - started) / 1000;
          started = performance.now();
          const drift = hfleet(['drift', inventory, '--json']);
          const driftSeconds = (performance.now() - started) / 1000;
          const failures = [
            ...(apply.json?.hosts ?? [])
              .filter((h: { status: string }) => h.status === 'failed' || h.status === 'unreachable')
              .map((h: { host: string; error: string }) => `apply ${h.host}: ${h.error}`),
            ...(drift.json?.hosts ?? [])
              .filter((h: { status: string }) => h.status !== 'clean')
              .map((h: { host: string; status: string }) => `drift ${h.host}: ${h.status}`),
          ];
          if (apply.code !== 0) failures.push(`apply exit ${apply.code}: ${apply.stderr.slice(-300)}`);
          if (drift.code !== 0) failures.push(`drift exit ${drift.code}: ${drift.stderr.slice(-300)}`);
          rounds.push({
            round,
            applyCode: apply.code,
            applySummary: apply.json?.summary,
            applySeconds,
            driftCode: drift.code,
            driftSummary: drift.json?.summary,
            driftSeconds,
            failures,
          });
          process.stderr.write(
            `load round ${round}: apply ${apply.code} ${JSON.stringify(apply.json?.summary)} ${applySeconds.toFixed(1)} s; drift ${drift.code} ${JSON.stringify(drift.json?.summary)} ${driftSeconds.toFixed(1)} s; failures ${failures.length}\n`,
          );
        }
      } finally {
        writeFileSync(
          process.env['HFLEET_LOAD_REPORT'] ?? '/tmp/hfleet-load-report.json',
          JSON.stringify(rounds, null, 2),
        );
        // Give the shared lab back at the size it had.
        if (before < HOSTS) {
          await labDown();
          if (before > 0) await labUp({ hosts: before });
        }
      }
      expect(rounds).toHaveLength(ROUNDS);
      expect(rounds.flatMap((round) => round.failures)).toEqual([]);
    },
    3_600_000,
  );
});
