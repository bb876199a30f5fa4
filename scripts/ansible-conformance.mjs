// `npm run conformance:ansible [FILE...]`: import each Ansible inventory (default: the corpus in
// test/fixtures/ansible-corpus) and compare every host's address, port and user with what
// `ansible-inventory --list` gives; prints one row per inventory and the agreement per field.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { checkAgainstAnsible, FIELDS } from '../dist/ansible/agreement.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.join(ROOT, 'test/fixtures/ansible-corpus');
const files = process.argv.slice(2);
const targets =
  files.length > 0
    ? files
    : readdirSync(CORPUS)
        .sort()
        .map((name) => path.join(CORPUS, name));

const totals = { hosts: 0, refused: 0, agree: Object.fromEntries(FIELDS.map((field) => [field, 0])) };
let agreeing = 0;
let bothRefused = 0;
const rows = [];
for (const file of targets) {
  const result = await checkAgainstAnsible(file);
  totals.hosts += result.hosts;
  totals.refused += result.refused.length;
  for (const field of FIELDS) totals.agree[field] += result.agree[field];
  const verdict = result.bothRefused ? 'both refuse' : result.differences.length === 0 ? 'agrees' : 'DIFFERS';
  if (result.bothRefused) bothRefused += 1;
  else if (result.differences.length === 0) agreeing += 1;
  const fields = FIELDS.map((field) => `${result.agree[field]}/${result.hosts - result.refused.length}`);
  rows.push([path.basename(file), String(result.hosts), ...fields, String(result.refused.length), verdict]);
  for (const line of result.differences) rows.push(['', '', '', '', '', '', `  ${line}`]);
}
const header = ['inventory', 'hosts', ...FIELDS, 'refused', 'verdict'];
const widths = header.map((title, index) =>
  Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)),
);
const print = (row) =>
  console.log(
    row
      .map((cell, index) => (cell ?? '').padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd(),
  );
print(header);
for (const row of rows) print(row);
const compared = totals.hosts - totals.refused;
console.log('');
for (const field of FIELDS) {
  const percent = compared === 0 ? 100 : (100 * totals.agree[field]) / compared;
  console.log(`${field.padEnd(8)} ${totals.agree[field]}/${compared} hosts agree (${percent.toFixed(1)}%)`);
}
console.log(`refused  ${totals.refused} host(s) by name, with a reason`);
console.log(
  `${targets.length} inventories: ${agreeing} agree on every host, ${bothRefused} refused by both, ${targets.length - agreeing - bothRefused} differ`,
);
process.exitCode = agreeing + bothRefused === targets.length ? 0 : 1;
