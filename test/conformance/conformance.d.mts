// Types of conformance.mjs for the TypeScript tests that run a fixed sample of the conformance suite.
import type { Finding, LintFile } from '../../src/systemd/lint/finding.js';

/** What systemd did with a file: loaded it silently, loaded it with a notice, or refused or ignored part. */
export type Verdict = 'accepts' | 'notice' | 'rejects';

/** One file compared. */
export interface ComparedFile {
  file: string;
  findings: Finding[];
  outcome: 'clean' | 'warning' | 'error';
  systemd: { verdict: Verdict; messages: string[] };
}

/** Lint and verify each file; the confusion matrix and the disagreements. */
export function compareWithSystemd(
  files: readonly string[],
  lintUnitFile: (file: LintFile) => Finding[],
): {
  rows: ComparedFile[];
  matrix: Record<Verdict, Record<ComparedFile['outcome'], number>>;
  falseErrors: ComparedFile[];
  misses: ComparedFile[];
};
