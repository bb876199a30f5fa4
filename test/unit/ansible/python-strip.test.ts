import { describe, expect, it } from 'vitest';
import { pythonStrip } from '../../../src/ansible/python-strip.js';

describe('pythonStrip', () => {
  it('strips what Python calls whitespace, no-break spaces included', () => {
    expect(pythonStrip(' \t\u00a0db1 ansible_port=2201\u3000\r')).toBe('db1 ansible_port=2201');
    expect(pythonStrip('\x1c\x85[web]\x1f')).toBe('[web]');
  });

  it('keeps a byte order mark, which Python does not strip', () => {
    expect(pythonStrip('\ufeff[web] ')).toBe('\ufeff[web]');
  });
});
