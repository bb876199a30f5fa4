// Turn raw benchmark samples into the results document (medians, ratios, targets) and a short table.
import { median, ratio, summarize } from './stats.mjs';

const MIB = 2 ** 20;

// The lab part of the results: every measure summarized, the ratios and whether the targets are met.
export function labReport(raw) {
  const seconds = Object.fromEntries(
    Object.entries(raw.samples)
      .filter(([, samples]) => samples.length > 0)
      .map(([name, samples]) => [name, summarize(samples)]),
  );
  const med = (name) => seconds[name]?.median ?? Number.NaN;
  const ratios = {
    hfleet_first_over_floor: ratio(med('hfleet_first'), med('floor')),
    hfleet_nochange_over_floor: ratio(med('hfleet_nochange'), med('floor')),
    hfleet_drift_over_floor: ratio(med('hfleet_drift'), med('floor')),
    openssh_nochange_over_floor: ratio(med('openssh_nochange'), med('floor')),
    openssh_drift_over_floor: ratio(med('openssh_drift'), med('floor')),
    openssh_over_ssh2_nochange: ratio(med('openssh_nochange'), med('hfleet_nochange')),
    openssh_over_ssh2_drift: ratio(med('openssh_drift'), med('hfleet_drift')),
    serve_sweep_over_floor: ratio(med('serve_sweep'), med('serve_floor')),
    ansible_over_hfleet_first: ratio(med('ansible_first'), med('hfleet_first')),
    ansible_over_hfleet_nochange: ratio(med('ansible_nochange'), med('hfleet_nochange')),
  };
  const hfleet = {
    peak_rss_bytes: Math.max(...raw.hfleet.peak_rss_bytes),
    nochange_round_trips_per_host: Math.max(...raw.hfleet.nochange_round_trips_max),
    first_round_trips_per_host: Math.max(...raw.hfleet.first_round_trips_max),
    nochange_bytes_sent_per_host: median(raw.hfleet.nochange_bytes_sent_per_host),
    openssh_nochange_round_trips_per_host:
      raw.hfleet.openssh_nochange_round_trips_max?.length > 0
        ? Math.max(...raw.hfleet.openssh_nochange_round_trips_max)
        : null,
  };
  const within = (value, limit) => (value === null ? null : value <= limit);
  const above = (value, limit) => (value === null ? null : value > limit);
  const targets = {
    nochange_within_1_5x_floor: within(ratios.hfleet_nochange_over_floor, 1.5),
    drift_within_1_5x_floor: within(ratios.hfleet_drift_over_floor, 1.5),
    ansible_over_15x_first: above(ratios.ansible_over_hfleet_first, 15),
    ansible_over_15x_nochange: above(ratios.ansible_over_hfleet_nochange, 15),
    nochange_at_most_2_round_trips: hfleet.nochange_round_trips_per_host <= 2,
    serve_sweep_within_0_3x_floor: within(ratios.serve_sweep_over_floor, 0.3),
  };
  return {
    hosts: raw.hosts,
    reps: raw.reps,
    ansible: raw.ansible,
    seconds,
    ratios,
    hfleet,
    targets,
    checks: raw.checks,
    serve: raw.serve ?? null,
  };
}

const pad = (text, width) => String(text).padEnd(width);
const secs = (s) => (s ? `${s.median.toFixed(2)} s` : '-');
const range = (s) => (s ? `${s.min.toFixed(2)}-${s.max.toFixed(2)}` : '-');
const times = (value) => (value === null || value === undefined ? '' : `${value.toFixed(2)}x`);

// The lab table: one row per measure, median and min-max, and the ratio that matters for it.
export function labTable(lab, machine) {
  const rows = [
    ['bare OpenSSH `ssh host true` (floor)', lab.seconds.floor, '1.00x floor'],
    [
      'hfleet apply, first run',
      lab.seconds.hfleet_first,
      `${times(lab.ratios.hfleet_first_over_floor)} floor`,
    ],
    [
      'hfleet apply, nothing to change',
      lab.seconds.hfleet_nochange,
      `${times(lab.ratios.hfleet_nochange_over_floor)} floor`,
    ],
    [
      'hfleet drift, clean fleet',
      lab.seconds.hfleet_drift,
      `${times(lab.ratios.hfleet_drift_over_floor)} floor`,
    ],
  ];
  if (lab.seconds.openssh_nochange) {
    rows.push(
      [
        'hfleet apply, no change, openssh',
        lab.seconds.openssh_nochange,
        `${times(lab.ratios.openssh_nochange_over_floor)} floor, ${times(lab.ratios.openssh_over_ssh2_nochange)} ssh2`,
      ],
      [
        'hfleet drift, clean, openssh',
        lab.seconds.openssh_drift,
        `${times(lab.ratios.openssh_drift_over_floor)} floor, ${times(lab.ratios.openssh_over_ssh2_drift)} ssh2`,
      ],
    );
  }
  if (lab.seconds.serve_sweep) {
    rows.push([
      'hfleet serve sweep (connections kept)',
      lab.seconds.serve_sweep,
      `${times(lab.ratios.serve_sweep_over_floor)} floor`,
    ]);
  }
  if (lab.seconds.ansible_first) {
    rows.push(
      [
        'ansible-playbook, first run',
        lab.seconds.ansible_first,
        `${times(lab.ratios.ansible_over_hfleet_first)} hfleet`,
      ],
      [
        'ansible-playbook, nothing to change',
        lab.seconds.ansible_nochange,
        `${times(lab.ratios.ansible_over_hfleet_nochange)} hfleet`,
      ],
    );
  }
  const lines = [
    `${lab.hosts} lab hosts, ${lab.reps} alternating repetitions; ${machine.cpus} cores (${machine.cpu_model}), Node ${machine.node}${lab.ansible ? `, ${lab.ansible}` : ', ansible not installed'}`,
    '',
    `| ${pad('run', 38)} | ${pad('median', 9)} | ${pad('min-max', 13)} | ${pad('ratio', 24)} |`,
    `|${'-'.repeat(40)}|${'-'.repeat(11)}|${'-'.repeat(15)}|${'-'.repeat(26)}|`,
    ...rows.map(
      ([name, s, r]) => `| ${pad(name, 38)} | ${pad(secs(s), 9)} | ${pad(range(s), 13)} | ${pad(r, 24)} |`,
    ),
    '',
    `hfleet peak RSS ${(lab.hfleet.peak_rss_bytes / MIB).toFixed(0)} MiB; no-change apply: ${lab.hfleet.nochange_round_trips_per_host} round trip(s) and ${(lab.hfleet.nochange_bytes_sent_per_host / 1024).toFixed(1)} KiB sent per host after connecting`,
  ];
  return lines.join('\n');
}

// The simulation table: time, CPU, memory and sockets per fleet size, and the growth per host.
export function simTable(sim) {
  const lines = [
    `| ${pad('simulated hosts', 15)} | ${pad('wall', 8)} | ${pad('CPU', 8)} | ${pad('peak RSS', 9)} | ${pad('open sockets', 12)} |`,
    `|${'-'.repeat(17)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(11)}|${'-'.repeat(14)}|`,
    ...sim.runs.map(
      (run) =>
        `| ${pad(run.hosts, 15)} | ${pad(`${run.seconds.toFixed(1)} s`, 8)} | ${pad(`${run.cpu_seconds.toFixed(1)} s`, 8)} | ${pad(`${(run.peak_rss_bytes / MIB).toFixed(0)} MiB`, 9)} | ${pad(run.peak_open_sockets, 12)} |`,
    ),
    '',
    `growth per host: ${(sim.growth.seconds.per_host * 1000).toFixed(1)} ms wall (r² ${sim.growth.seconds.r2}), ${(sim.growth.cpu_seconds.per_host * 1000).toFixed(1)} ms CPU (r² ${sim.growth.cpu_seconds.r2}), ${(sim.growth.peak_rss_bytes.per_host / 1024).toFixed(0)} KiB RSS (r² ${sim.growth.peak_rss_bytes.r2}); under 1 GiB at the largest size: ${sim.rss_under_limit ? 'yes' : 'NO'}`,
  ];
  return lines.join('\n');
}

// The startup figures as a short table: medians in seconds, `hfleet --version` beside `node -e 0`.
export function startupTable(startup) {
  const row = (name, summary) =>
    `| ${name.padEnd(28)} | ${summary ? `${summary.median.toFixed(3)} s` : 'skipped'} |`;
  return [
    `startup (median of ${startup.reps})`,
    `| ${'run'.padEnd(28)} | median |`,
    row('node -e 0', startup.node_e0),
    row('hfleet --version', startup.hfleet_version),
    row('hfleet --help', startup.hfleet_help),
    row('apply, no change, 1 lab host', startup.nochange_apply_1_host),
    `hfleet --version - node -e 0: ${startup.version_minus_node_median.toFixed(3)} s`,
  ].join('\n');
}

// The serve simulation as a Markdown table: sweeps of a large fleet over kept connections, with 24 h of state.
export function serveSimTable(run) {
  const steady = run.steady_sweep_seconds;
  const median = [...steady].sort((a, b) => a - b)[Math.floor(steady.length / 2)] ?? 0;
  return [
    `| ${pad('serve, simulated hosts', 22)} | ${pad('first sweep', 11)} | ${pad('later sweeps', 12)} | ${pad('handshakes', 10)} | ${pad('peak RSS', 9)} | ${pad('/metrics', 8)} |`,
    `|${'-'.repeat(24)}|${'-'.repeat(13)}|${'-'.repeat(14)}|${'-'.repeat(12)}|${'-'.repeat(11)}|${'-'.repeat(10)}|`,
    `| ${pad(run.hosts, 22)} | ${pad(`${run.first_sweep_seconds.toFixed(1)} s`, 11)} | ${pad(`${median.toFixed(1)} s`, 12)} | ${pad(run.handshakes, 10)} | ${pad(`${(run.peak_rss_bytes / MIB).toFixed(0)} MiB`, 9)} | ${pad(`${run.metrics.seconds.toFixed(2)} s`, 8)} |`,
    '',
    `a sweep every ${run.interval_seconds} s, ${run.sweeps} sweeps, ${run.history_runs_prefilled} sweeps (24 h) of history and ${run.trend_points} trend points (24 h) held; under 1 GiB: ${run.rss_under_limit ? 'yes' : 'NO'}`,
  ].join('\n');
}
