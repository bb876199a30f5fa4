// `hfleet history`: the runs recorded on this machine (apply, drift, restart, status, serve sweeps).
import type { Argv } from 'yargs';
import { HfleetError } from '../../errors.js';
import { defaultHistoryStore } from '../../history/record-run.js';
import { parseSince } from '../../history/since.js';
import type { RunKind } from '../../history/types.js';
import { historyHuman } from '../../report/history-human.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { withJsonOption } from '../common-options.js';

const KINDS: readonly RunKind[] = ['apply', 'drift', 'restart', 'status', 'sweep'];

// `--kind apply,drift` as run kinds; an unknown kind is a usage error.
function parseKinds(value: string | undefined): RunKind[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((kind) => {
    if (!KINDS.includes(kind as RunKind))
      throw new HfleetError('USAGE', `--kind: '${kind}' is not one of ${KINDS.join(', ')}`);
    return kind as RunKind;
  });
}

// The options of `hfleet history`.
function historyOptions(yargs: Argv) {
  const filters = yargs
    .option('host', { type: 'string', describe: 'only runs that touched or read this host' })
    .option('since', { type: 'string', describe: 'only runs since 30m, 12h, 2d, 1w or a date' })
    .option('kind', { type: 'string', describe: `comma list of ${KINDS.join(', ')}` });
  return withJsonOption(filters, 'print one JSON document on stdout (each run with its full document)')
    .example('$0 history --since 2d', 'what ran in the last two days')
    .example('$0 history --host acme-1 --kind apply --json', "one host's applies, machine-readable")
    .epilog('runs are kept under $XDG_STATE_HOME/hfleet/history for HFLEET_HISTORY_DAYS days (default 30)');
}

/** The yargs module of `hfleet history`. */
export function historyCommand(setExitCode: SetExitCode) {
  return defineCommand('history', historyOptions, (args) => {
    const query = {
      ...(args.since === undefined ? {} : { sinceMs: parseSince(args.since, Date.now()) }),
      ...(args.host === undefined ? {} : { host: args.host }),
      ...(args.kind === undefined ? {} : { kinds: parseKinds(args.kind) }),
    };
    const runs = defaultHistoryStore().list(query);
    process.stdout.write(args.json ? `${JSON.stringify({ runs })}\n` : historyHuman(runs));
    setExitCode(0);
  });
}
