import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  holdEarlyStopSignals,
  interruptedLine,
  interruptionFields,
  releaseEarlyStopSignals,
  type StopSignalName,
  watchStopSignals,
} from '../../../src/cli/interrupt.js';

function harness() {
  const emitter = new EventEmitter();
  const stderr: string[] = [];
  const exits: number[] = [];
  const interrupt = watchStopSignals({
    emitter,
    stderr: { write: (text: string) => stderr.push(text) },
    exit: (code) => exits.push(code),
  });
  const send = (name: StopSignalName) => emitter.emit(name);
  return { emitter, stderr, exits, interrupt, send };
}

describe('watchStopSignals', () => {
  it("is quiet until a signal: not aborted, the exit code is the run's own", () => {
    const { interrupt, stderr } = harness();
    expect(interrupt.stop.signal.aborted).toBe(false);
    expect(interrupt.received()).toBeUndefined();
    expect(interrupt.exitCode(3)).toBe(3);
    expect(stderr).toEqual([]);
    interrupt.dispose();
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('a first %s aborts the run and makes the exit code %i, without exiting', (name, code) => {
    const { interrupt, send, exits, stderr } = harness();
    interrupt.stop.running.add('acme-1');
    send(name);
    expect(interrupt.stop.signal.aborted).toBe(true);
    expect(interrupt.received()).toBe(name);
    expect(interrupt.exitCode(0)).toBe(code);
    expect(interrupt.exitCode(3)).toBe(code);
    expect(exits).toEqual([]);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain('acme-1');
    interrupt.dispose();
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'a second signal (%s) writes one line naming the running hosts, the forced report, and exits %i',
    (name, code) => {
      const { interrupt, send, exits, stderr } = harness();
      const reports: string[][] = [];
      interrupt.setForcedReport((unfinished) => reports.push(unfinished));
      interrupt.stop.running.add('globex-1');
      send('SIGINT');
      send(name);
      expect(exits).toEqual([code]);
      expect(stderr).toHaveLength(2);
      expect(stderr[1]?.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr[1]).toContain('globex-1');
      expect(reports).toEqual([['globex-1']]);
      interrupt.dispose();
    },
  );

  it('exits even when the forced report throws', () => {
    const { interrupt, send, exits } = harness();
    interrupt.setForcedReport(() => {
      throw new Error('stdout gone');
    });
    send('SIGTERM');
    expect(() => send('SIGTERM')).toThrow('stdout gone');
    expect(exits).toEqual([143]);
    interrupt.dispose();
  });

  it('writes no forced report once cleared (the run printed its own)', () => {
    const { interrupt, send, exits } = harness();
    const reports: string[][] = [];
    interrupt.setForcedReport((unfinished) => reports.push(unfinished));
    interrupt.setForcedReport(undefined);
    send('SIGINT');
    send('SIGINT');
    expect(reports).toEqual([]);
    expect(exits).toEqual([130]);
    interrupt.dispose();
  });

  it('removes its handlers on dispose', () => {
    const { emitter, interrupt } = harness();
    expect(emitter.listenerCount('SIGINT')).toBe(1);
    expect(emitter.listenerCount('SIGTERM')).toBe(1);
    interrupt.dispose();
    expect(emitter.listenerCount('SIGINT')).toBe(0);
    expect(emitter.listenerCount('SIGTERM')).toBe(0);
  });
});

describe('holdEarlyStopSignals', () => {
  it('keeps a signal that comes while the command loads for the run, which starts stopped', () => {
    const emitter = new EventEmitter();
    const exits: number[] = [];
    holdEarlyStopSignals({ emitter, exit: (code) => exits.push(code) });
    emitter.emit('SIGTERM');
    expect(exits).toEqual([]);
    const stderr: string[] = [];
    const interrupt = watchStopSignals({ emitter, stderr: { write: (text: string) => stderr.push(text) } });
    expect(interrupt.stop.signal.aborted).toBe(true);
    expect(interrupt.received()).toBe('SIGTERM');
    expect(interrupt.exitCode(0)).toBe(143);
    expect(stderr).toHaveLength(1);
    expect(emitter.listenerCount('SIGTERM')).toBe(1);
    interrupt.dispose();
    expect(emitter.listenerCount('SIGTERM')).toBe(0);
  });

  it('exits at once on a second signal while loading', () => {
    const emitter = new EventEmitter();
    const exits: number[] = [];
    holdEarlyStopSignals({ emitter, exit: (code) => exits.push(code) });
    emitter.emit('SIGINT');
    emitter.emit('SIGINT');
    expect(exits).toEqual([130]);
    expect(releaseEarlyStopSignals()).toBe('SIGINT');
  });

  it('lets go of the signals when the command ends without a run, and a run after it starts clean', () => {
    const emitter = new EventEmitter();
    holdEarlyStopSignals({ emitter, exit: () => undefined });
    expect(releaseEarlyStopSignals()).toBeUndefined();
    expect(emitter.listenerCount('SIGINT')).toBe(0);
    const interrupt = watchStopSignals({ emitter, stderr: { write: () => true } });
    expect(interrupt.stop.signal.aborted).toBe(false);
    interrupt.dispose();
  });
});

describe('interruptionFields', () => {
  it('lists as untouched the selected hosts neither finished nor unfinished', () => {
    const { interrupt, send } = harness();
    const selected = ['a', 'b', 'c', 'd'];
    expect(interruptionFields(interrupt, selected, ['a', 'b', 'c', 'd'])).toEqual({
      interrupted: false,
      untouched: [],
      unfinished: [],
    });
    send('SIGINT');
    expect(interruptionFields(interrupt, selected, ['a'], ['c'])).toEqual({
      interrupted: true,
      untouched: ['b', 'd'],
      unfinished: ['c'],
    });
    interrupt.dispose();
  });

  it('gives the recap a line only when interrupted', () => {
    expect(interruptedLine({ interrupted: false, untouched: [], unfinished: [] })).toBe('');
    expect(interruptedLine({ interrupted: true, untouched: ['b', 'd'], unfinished: [] })).toBe(
      'interrupted; untouched: b, d\n',
    );
  });
});
