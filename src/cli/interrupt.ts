// SIGINT/SIGTERM during a fleet run (apply, drift, status, restart): the first signal starts no more hosts and
// lets the running ones finish, the second exits at once (README "Exit codes", docs/json.md "Interrupted runs").
import type { FleetStop } from '../engine/run-fleet.js';

/** The signals that stop a fleet run. */
export type StopSignalName = 'SIGINT' | 'SIGTERM';

/** The exit status of a run a signal stopped: 128 + the signal's number, as a shell reports it. */
export const SIGNAL_EXIT: Record<StopSignalName, number> = { SIGINT: 130, SIGTERM: 143 };

const SIGNALS: readonly StopSignalName[] = ['SIGINT', 'SIGTERM'];

/** A fleet run's view of the stop signals. */
export interface RunInterrupt {
  /** For the fleet runner: aborted at the first signal; the runner keeps `running` up to date. */
  readonly stop: FleetStop;
  /** The first signal received, or undefined. */
  received(): StopSignalName | undefined;
  /** The run's exit code: the signal's (130, 143) when one came, else `code`. */
  exitCode(code: number): number;
  /** What a second signal writes on stdout before exiting (the document so far), or undefined for nothing. */
  setForcedReport(write: ((unfinished: string[]) => void) | undefined): void;
  /** Remove the signal handlers: the run is over. */
  dispose(): void;
}

/** Where the interrupt writes, how it exits and where it listens (the process unless a test says otherwise). */
export interface InterruptOptions {
  stderr?: { write(text: string): unknown; isTTY?: boolean };
  exit?: (code: number) => void;
  emitter?: {
    on(event: StopSignalName, listener: () => void): unknown;
    off(event: StopSignalName, listener: () => void): unknown;
  };
}

// `acme-1, globex-1`, or `none`.
function hostList(hosts: readonly string[]): string {
  return hosts.length > 0 ? [...hosts].sort().join(', ') : 'none';
}

/** Where the signals that come before a run starts listening are kept (one per process). */
interface EarlyHold {
  emitter: NonNullable<InterruptOptions['emitter']>;
  first: StopSignalName | undefined;
  listeners: { name: StopSignalName; listener: () => void }[];
}

let earlyHold: EarlyHold | undefined;

/**
 * Keep a SIGINT/SIGTERM that comes while a fleet command is still loading (inventory, playbook, plan) for the
 * run's own watch, so it stops the run before any host starts and the run still reports (one document under
 * `--json`); a second signal then exits at once. Released by `watchStopSignals` or `releaseEarlyStopSignals`.
 */
export function holdEarlyStopSignals(options: InterruptOptions = {}): void {
  if (earlyHold) return;
  const emitter = options.emitter ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const hold: EarlyHold = { emitter, first: undefined, listeners: [] };
  hold.listeners = SIGNALS.map((name) => {
    const listener = () => {
      if (hold.first === undefined) hold.first = name;
      else exit(SIGNAL_EXIT[name]);
    };
    emitter.on(name, listener);
    return { name, listener };
  });
  earlyHold = hold;
}

/** Stop holding early signals; the first one held, if any. */
export function releaseEarlyStopSignals(): StopSignalName | undefined {
  const hold = earlyHold;
  earlyHold = undefined;
  if (!hold) return undefined;
  for (const { name, listener } of hold.listeners) hold.emitter.off(name, listener);
  return hold.first;
}

/** Listen for SIGINT and SIGTERM until `dispose`: the first stops the run after its running hosts, the second exits. */
export function watchStopSignals(options: InterruptOptions = {}): RunInterrupt {
  const stderr = options.stderr ?? process.stderr;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const emitter = options.emitter ?? process;
  const controller = new AbortController();
  const running = new Set<string>();
  let first: StopSignalName | undefined;
  let forcedReport: ((unfinished: string[]) => void) | undefined;
  const listeners = SIGNALS.map((name) => {
    const listener = () => {
      if (first === undefined) {
        first = name;
        controller.abort();
        // On a terminal the line starts below the `^C` it echoed.
        stderr.write(
          `${stderr.isTTY ? '\n' : ''}hfleet: ${name}: starting no more hosts; waiting for the ${running.size} running (${hostList([...running])}) to finish; send it again to exit at once\n`,
        );
        return;
      }
      const unfinished = [...running];
      stderr.write(
        `hfleet: ${name} again: exiting now; still running, may need the next run: ${hostList(unfinished)}\n`,
      );
      try {
        forcedReport?.(unfinished);
      } finally {
        exit(SIGNAL_EXIT[name]);
      }
    };
    emitter.on(name, listener);
    return { name, listener };
  });
  // A signal that came while the command was loading stops the run before its first host.
  const early = earlyHold?.emitter === emitter ? releaseEarlyStopSignals() : undefined;
  if (early) listeners.find(({ name }) => name === early)?.listener();
  return {
    stop: { signal: controller.signal, running },
    received: () => first,
    exitCode: (code) => (first === undefined ? code : SIGNAL_EXIT[first]),
    setForcedReport: (write) => {
      forcedReport = write;
    },
    dispose: () => {
      for (const { name, listener } of listeners) emitter.off(name, listener);
    },
  };
}

/** The fields every fleet document carries about signals (docs/json.md "Interrupted runs"). */
export interface InterruptionFields {
  interrupted: boolean;
  /** Hosts never started. */
  untouched: string[];
  /** Hosts still running when a second signal ended hfleet at once (their state is unknown). */
  unfinished: string[];
}

/** The interruption fields of a document: `untouched` are the selected hosts neither finished nor running. */
export function interruptionFields(
  interrupt: RunInterrupt,
  selected: readonly string[],
  finished: readonly string[],
  unfinished: readonly string[] = [],
): InterruptionFields {
  const seen = new Set([...finished, ...unfinished]);
  return {
    interrupted: interrupt.received() !== undefined,
    untouched: selected.filter((host) => !seen.has(host)),
    unfinished: [...unfinished],
  };
}

/** The recap's line for an interrupted run (`interrupted; untouched: b, c`), or nothing. */
export function interruptedLine(fields: InterruptionFields): string {
  if (!fields.interrupted) return '';
  return `interrupted; untouched: ${fields.untouched.length > 0 ? fields.untouched.join(', ') : 'none'}\n`;
}
