// One comparison of `hfleet lint` (the built dist/) with systemd-analyze verify over unit files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyUnitFiles } from './verify-oracle.mjs';

/**
 * Lint each file on its own with `lintUnitFile` (hfleet's, from src/ or the built dist/; a `*.conf` file as a drop-in)
 * and verify it; returns every row, the confusion matrix (systemd verdict x hfleet outcome), the false
 * errors and the misses.
 */
export function compareWithSystemd(files, lintUnitFile) {
  const verdicts = verifyUnitFiles(files);
  const matrix = Object.fromEntries(
    ['accepts', 'notice', 'rejects'].map((v) => [v, { clean: 0, warning: 0, error: 0 }]),
  );
  const rows = files.map((file) => {
    const findings = lintUnitFile({ path: file, content: readFileSync(file, 'utf8') });
    const outcome = findings.some((f) => f.severity === 'error')
      ? 'error'
      : findings.length > 0
        ? 'warning'
        : 'clean';
    const systemd = verdicts.get(path.resolve(file)) ?? { verdict: 'accepts', messages: [] };
    matrix[systemd.verdict][outcome]++;
    return { file, findings, outcome, systemd };
  });
  return {
    rows,
    matrix,
    falseErrors: rows.filter((row) => row.outcome === 'error' && row.systemd.verdict !== 'rejects'),
    misses: rows.filter((row) => row.outcome !== 'error' && row.systemd.verdict === 'rejects'),
  };
}
