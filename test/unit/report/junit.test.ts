import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, junitXml } from '../../../src/report/junit.js';

const HOSTILE = `a<b>&"c'\n\tend]]><!-- \u0001\u001b[31m \ud800 \u{1F600}`;

describe('junitXml', () => {
  it('counts tests, failures and skips, and sums times', () => {
    const xml = junitXml('hfleet drift', [
      { name: 'acme-1', classname: 'hfleet.drift.acme', timeSec: 1.5 },
      {
        name: 'acme-2: MemoryMax',
        classname: 'hfleet.drift.acme',
        failure: { message: 'MemoryMax differs', type: 'property', body: 'expected 1 got 2' },
        timeSec: 0.25,
      },
      { name: 'globex-1', classname: 'hfleet.drift.globex', skipped: true },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="hfleet drift"')).toBe(
      true,
    );
    expect(xml).toContain('tests="3" failures="1" errors="0" skipped="1" time="1.750"');
    expect(xml).toContain('<failure message="MemoryMax differs" type="property">expected 1 got 2</failure>');
    expect(xml).toContain('<testcase name="acme-1" classname="hfleet.drift.acme" time="1.500"/>');
    expect(xml).toContain('<skipped/>');
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });

  it('escapes hostile names, messages and bodies so the markup cannot change', () => {
    const xml = junitXml(HOSTILE, [
      { name: HOSTILE, classname: HOSTILE, failure: { message: HOSTILE, type: HOSTILE, body: HOSTILE } },
    ]);
    // Only the markup we wrote remains: every <, & and quote from the input is escaped.
    const tags = [...xml.matchAll(/<(\/?[?A-Za-z]+)/g)].map((match) => match[1]);
    expect(tags).toEqual([
      '?xml',
      'testsuites',
      'testsuite',
      'testcase',
      'failure',
      '/failure',
      '/testcase',
      '/testsuite',
      '/testsuites',
    ]);
    expect(xml).not.toMatch(/[\u0001\u001b]/);
    expect(xml).not.toContain(']]><!--');
    expect(xml).toContain('\u{1F600}'); // a valid astral character is kept
    expect(xml).toContain('\\ud800'); // a lone surrogate is not
  });

  it('writes an empty suite', () => {
    expect(junitXml('s', [])).toContain('tests="0" failures="0" errors="0" skipped="0" time="0.000"');
  });
});

describe('escaping', () => {
  it('escapes text and attributes', () => {
    expect(escapeText('<a & b>')).toBe('&lt;a &amp; b&gt;');
    expect(escapeAttribute(`"x'\n`)).toBe('&quot;x&apos;&#10;');
    expect(escapeText('\u0000')).toBe('\\u0000');
  });
});
