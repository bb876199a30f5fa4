// What end-to-end test files need to know about the lab: is it there, and if not, why (always printed).
import { describe, inject } from 'vitest';
import { readLabState } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';

function computeSkipReason(): string {
  const provided = inject('labSkipReason');
  if (provided) return provided;
  if (!readLabState()) return 'no lab state found although the global setup ran';
  return '';
}

// Why the lab tests are skipped ('' when they run).
export const labSkipReason: string = computeSkipReason();
// True when a lab is up for these tests.
export const labAvailable: boolean = labSkipReason === '';

if (!labAvailable) process.stderr.write(`e2e: SKIPPED (${labSkipReason})\n`);

// `describe` that runs only with a lab, and names the skip reason in the suite title when it does not.
export function describeWithLab(name: string, body: () => void): void {
  describe.skipIf(!labAvailable)(labAvailable ? name : `${name} [skipped: ${labSkipReason}]`, body);
}

// The running lab's state (only call inside a describeWithLab body's tests or hooks).
export function requireLabState(): LabState {
  const state = readLabState();
  if (!state) throw new Error('the lab is not up');
  return state;
}
