// Human output of drift: a line per clean host, findings grouped by unit per drifted host, a summary line.
import type { ChalkInstance } from 'chalk';
import type { DriftHostResult, DriftSummary, Finding } from '../drift/types.js';

function groupKey(finding: Finding): string {
  return finding.unit ?? finding.path ?? 'host';
}

function findingLines(finding: Finding, style: ChalkInstance): string[] {
  const fix = finding.fix ? style.green(`apply: ${finding.fix}`) : style.dim('apply leaves this alone');
  const lines = [
    `    ${style.yellow(finding.kind.padEnd(16))} ${finding.detail}`,
    `    ${' '.repeat(16)} -> ${fix}`,
  ];
  if (finding.diff) {
    for (const line of finding.diff.trimEnd().split('\n')) {
      const coloured = line.startsWith('+')
        ? style.green(line)
        : line.startsWith('-')
          ? style.red(line)
          : line;
      lines.push(`      ${coloured}`);
    }
  }
  return lines;
}

function hostLines(result: DriftHostResult, width: number, style: ChalkInstance): string[] {
  const lines = statusLines(result, width, style);
  if (result.recovered) lines.splice(1, 0, `  ${style.yellow('note')}: ${result.recovered}`);
  return lines;
}

function statusLines(result: DriftHostResult, width: number, style: ChalkInstance): string[] {
  const name = result.host.padEnd(width);
  if (result.status === 'clean') return [`${name}${style.green('clean')}`];
  if (result.status !== 'drifted') return [`${name}${style.red(result.status)}: ${result.error ?? ''}`];
  const count = result.findings.length;
  const lines = [`${name}${style.yellow('drifted')} (${count} finding${count === 1 ? '' : 's'})`];
  const groups = new Map<string, Finding[]>();
  for (const finding of result.findings)
    groups.set(groupKey(finding), [...(groups.get(groupKey(finding)) ?? []), finding]);
  for (const [key, findings] of groups) {
    lines.push(`  ${style.bold(key)}`);
    for (const finding of findings) lines.push(...findingLines(finding, style));
  }
  return lines;
}

/** The whole human report (for stdout). */
export function driftHuman(
  results: readonly DriftHostResult[],
  summary: DriftSummary,
  seconds: number,
  style: ChalkInstance,
): string {
  const width = Math.max(12, ...results.map((r) => r.host.length)) + 2;
  const lines = results.flatMap((result) => hostLines(result, width, style));
  const plural = summary.hosts === 1 ? '' : 's';
  lines.push(
    `${summary.hosts} host${plural}: ${summary.clean} clean, ${summary.drifted} drifted, ` +
      `${summary.unreachable} unreachable, ${summary.error} error (${seconds.toFixed(1)} s)`,
  );
  return `${lines.join('\n')}\n`;
}
