import { describe, expect, it } from 'vitest';
import { isHfleetError } from '../../../src/errors.js';
import { renderTemplate } from '../../../src/render/template.js';

function renderError(text: string, vars: Parameters<typeof renderTemplate>[2] = {}): string {
  try {
    renderTemplate('hub-platform.service', text, vars);
  } catch (error) {
    if (isHfleetError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an error');
}

describe('renderTemplate', () => {
  it('substitutes names with or without spaces, dotted paths, numbers and booleans', () => {
    const text = 'A={{ a }}\nB={{b}}\nC={{ x.y }}\nD={{ n }} {{ t }}\n';
    expect(renderTemplate('t', text, { a: 'one', b: 'two', x: { y: 'deep' }, n: 8001, t: false })).toBe(
      'A=one\nB=two\nC=deep\nD=8001 false\n',
    );
  });

  it('leaves text without tags exactly as it is', () => {
    const text = 'ExecStartPre=-/bin/sh -c "fuser -k 8001/tcp 2>/dev/null || true"\n';
    expect(renderTemplate('t', text, {})).toBe(text);
  });

  it('refuses an undefined variable, naming template, line and variable', () => {
    expect(renderError('[Unit]\nA=1\nB={{ foo }}\n')).toBe(
      "TEMPLATE_INVALID: template hub-platform.service: line 3: undefined variable 'foo'",
    );
    expect(renderError('X={{ a.b }}', { a: 'scalar' })).toContain("undefined variable 'a.b'");
    expect(renderError('X={{ toString }}')).toContain("undefined variable 'toString'");
  });

  it('refuses malformed tags', () => {
    expect(renderError('X={{ a b }}', { a: '1' })).toContain('line 1: malformed tag');
    expect(renderError('X={{ a', { a: '1' })).toContain('malformed tag');
    expect(renderError('X= a }}', { a: '1' })).toContain('malformed tag');
    expect(renderError('X={{ }}')).toContain('malformed tag');
    expect(renderError('X={{ a | upper }}', { a: '1' })).toContain('malformed tag');
  });

  it('refuses values with a newline or control character, and non-scalar values', () => {
    expect(renderError('Description={{ d }}', { d: 'Acme\nExecStart=/bin/evil' })).toContain(
      "variable 'd' contains a newline or control character",
    );
    expect(renderError('X={{ d }}', { d: 'tab\there' })).toContain('control character');
    expect(renderError('X={{ d }}', { d: ['a'] })).toContain(
      "variable 'd' is not a string, number or boolean",
    );
    expect(renderError('X={{ d }}', { d: { e: 'f' } })).toContain('is not a string');
  });
});
