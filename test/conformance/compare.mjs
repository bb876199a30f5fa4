// Lint conformance: `hfleet lint` against `systemd-analyze verify` on unit files. Prints the confusion matrix
// (systemd accepts / accepts with a notice / refuses or ignores, against hfleet clean / warning / error) and
// every disagreement: a false error (hfleet error, systemd loads the file as written) or a miss (systemd
// refuses or ignores something, hfleet has no error). Exit 1 on any false error or misses above 1%.
//   npm run build && node test/conformance/compare.mjs [DIR_OR_FILE...]
//   (default: the corpus test/conformance/build-corpus.sh builds, and the hand-written known-mistakes/)
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareWithSystemd } from './conformance.mjs';

const here = import.meta.dirname;
const targets = process.argv.slice(2);
const roots =
  targets.length > 0 ? targets : [path.join(here, '.corpus/units'), path.join(here, 'known-mistakes')];
const files = roots.flatMap(unitFilesUnder);
if (files.length === 0) {
  process.stderr.write('compare: no unit files (build the corpus first: test/conformance/build-corpus.sh)\n');
  process.exit(1);
}

const started = performance.now();
const dist = path.resolve(here, '../../dist/systemd/lint/lint-unit.js');
const { lintUnitFile } = await import(dist);
const { rows, matrix, falseErrors, misses } = compareWithSystemd(files, lintUnitFile);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const out = (line = '') => process.stdout.write(`${line}\n`);
out(`${rows.length} unit files (${seconds} s with systemd-analyze)`);
out();
out(`${'systemd \\ hfleet'.padEnd(18)}${['clean', 'warning', 'error'].map((c) => c.padStart(9)).join('')}`);
for (const verdict of ['accepts', 'notice', 'rejects']) {
  const counts = ['clean', 'warning', 'error'].map((c) => String(matrix[verdict][c]).padStart(9));
  out(`${verdict.padEnd(18)}${counts.join('')}`);
}
out();
out(`false errors: ${falseErrors.length}`);
for (const row of falseErrors) {
  out(`  ${row.file}`);
  for (const finding of row.findings.filter((f) => f.severity === 'error'))
    out(`    hfleet: ${finding.line}: ${finding.rule}: ${finding.message}`);
  for (const message of row.systemd.messages) out(`    systemd: ${message}`);
}
const missRate = (100 * misses.length) / rows.length;
out(`misses: ${misses.length} (${missRate.toFixed(2)}% of files)`);
for (const row of misses) {
  out(`  ${row.file}`);
  for (const message of row.systemd.messages) out(`    systemd: ${message}`);
  for (const finding of row.findings) out(`    hfleet: ${finding.line}: ${finding.severity} ${finding.rule}`);
}
process.exitCode = falseErrors.length > 0 || missRate > 1 ? 1 : 0;

function unitFilesUnder(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [target];
  return readdirSync(target)
    .sort()
    .flatMap((name) => unitFilesUnder(path.join(target, name)))
    .filter((file) => !file.endsWith('.verify.txt'));
}
