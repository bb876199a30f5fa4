import { describe, expect, it } from 'vitest';
import { CloseSignal } from '../../../src/transport/close-signal.js';

describe('CloseSignal', () => {
  it('tells each listener the reason once, and only the first close counts', () => {
    const signal = new CloseSignal<string>();
    const heard: string[] = [];
    signal.listen((reason) => heard.push(`a:${reason}`));
    signal.listen((reason) => heard.push(`b:${reason}`));
    expect(signal.closed).toBe(false);
    expect(signal.close('gone')).toBe(true);
    expect(signal.close('again')).toBe(false);
    expect(signal.closed).toBe(true);
    expect(heard).toEqual(['a:gone', 'b:gone']);
  });

  it('runs a listener added after the close in a microtask, not inside listen', async () => {
    const signal = new CloseSignal();
    signal.close();
    let ran = false;
    signal.listen(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    await Promise.resolve();
    expect(ran).toBe(true);
  });

  it('does not run a listener taken back before the close', () => {
    const signal = new CloseSignal();
    let ran = 0;
    const listener = () => {
      ran += 1;
    };
    signal.listen(listener);
    signal.unlisten(listener);
    signal.unlisten(listener);
    signal.close();
    expect(ran).toBe(0);
  });
});
