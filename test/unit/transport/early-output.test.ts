import { describe, expect, it } from 'vitest';
import { EarlyOutput } from '../../../src/transport/early-output.js';

describe('channel output that comes before its listener', () => {
  it('is kept and replayed, in order, to the first listener; later chunks go straight through', () => {
    const output = new EarlyOutput();
    output.push(Buffer.from('one\n'));
    output.push(Buffer.from('two\n'));
    const seen: string[] = [];
    output.listen((chunk) => seen.push(chunk.toString()));
    output.push(Buffer.from('three\n'));
    expect(seen).toEqual(['one\n', 'two\n', 'three\n']);
  });

  it('is not replayed twice: a second listener gets only what comes after it', () => {
    const output = new EarlyOutput();
    output.push(Buffer.from('early'));
    const first: string[] = [];
    const second: string[] = [];
    output.listen((chunk) => first.push(chunk.toString()));
    output.listen((chunk) => second.push(chunk.toString()));
    output.push(Buffer.from('late'));
    expect(first).toEqual(['early', 'late']);
    expect(second).toEqual(['late']);
  });
});
