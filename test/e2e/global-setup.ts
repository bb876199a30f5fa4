// Global setup of the end-to-end tier: bring up (or reuse) a 3-host lab when this machine can run one.
import type { TestProject } from 'vitest/node';
import { ensureLab, labDown, labIsUp } from '../../src/lab/index.js';

// The number of lab hosts the end-to-end tier expects.
export const E2E_LAB_HOSTS = 3;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Empty when the lab is up; otherwise why the end-to-end tests are skipped. */
    labSkipReason: string;
  }
}

// Why this machine cannot run the lab, or '' when it can.
function platformSkipReason(): string {
  if (process.env['HFLEET_E2E_SKIP_LAB'] === '1') return 'HFLEET_E2E_SKIP_LAB=1 is set';
  if (process.platform !== 'linux') return `the lab needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'the lab needs root (run the end-to-end tier as root)';
  return '';
}

// Bring the lab up (a failure on a capable machine fails the run); the teardown stops only a lab started here.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reason = platformSkipReason();
  let startedHere = false;
  if (reason === '') {
    startedHere = !labIsUp(1);
    const started = Date.now();
    const state = await ensureLab(E2E_LAB_HOSTS);
    process.stderr.write(
      `e2e: lab of ${state.hosts.length} hosts ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } else {
    process.stderr.write(`e2e: lab tests SKIPPED: ${reason}\n`);
  }
  project.provide('labSkipReason', reason);
  return async () => {
    if (startedHere) await labDown();
  };
}
