// Record a CLI run in the local history; a history that cannot be written warns and never fails the run.
import { errorMessage } from '../errors.js';
import { userAtMachine } from '../util/user-at-machine.js';
import { retentionDays } from './retention.js';
import { historyDir } from './state-dir.js';
import { HistoryStore } from './store.js';
import type { RunKind } from './types.js';

/** The store of this environment ($XDG_STATE_HOME/hfleet/history, HFLEET_HISTORY_DAYS). */
export function defaultHistoryStore(env: NodeJS.ProcessEnv = process.env): HistoryStore {
  return new HistoryStore(historyDir(env), retentionDays(env));
}

/** Append one run of `kind` with its JSON document; a failure to write is a warning on stderr. */
export function recordRun(kind: RunKind, hosts: string[], exitCode: number, document: unknown): void {
  try {
    defaultHistoryStore().append({ kind, who: userAtMachine(), hosts, exit_code: exitCode, document });
  } catch (error) {
    process.stderr.write(`warning: run not recorded in the history: ${errorMessage(error)}\n`);
  }
}
