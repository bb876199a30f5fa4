import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnit } from '../../../src/systemd/parse.js';
import { serializeUnit } from '../../../src/systemd/serialize.js';
import { directivesOf } from '../../../src/systemd/unit-file.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/units/${name}`, import.meta.url), 'utf8');

describe('parseUnit / serializeUnit', () => {
  it.each([
    'reference-hub-platform.service',
    'commented.service',
    'start-limit-in-service.service',
    'unknown-things.service',
  ])('round-trips %s byte for byte', (name) => {
    const text = fixture(name);
    expect(serializeUnit(parseUnit(text))).toBe(text);
  });

  it('round-trips text without a final newline, CRLF lines and an empty file', () => {
    for (const text of ['[Unit]\nDescription=x', '[Unit]\r\nDescription=x\r\n', '', '\n\n']) {
      expect(serializeUnit(parseUnit(text))).toBe(text);
    }
  });

  it('keeps sections in order with each directive and its line number', () => {
    const unit = parseUnit(fixture('reference-hub-platform.service'));
    expect(unit.sections.map((s) => s.name)).toEqual(['Unit', 'Service', 'Install']);
    const startPre = directivesOf(unit).filter((d) => d.key === 'ExecStartPre');
    expect(startPre.map((d) => [d.line, d.value])).toEqual([
      [17, '-/bin/sh -c "fuser -k 8001/tcp 2>/dev/null || true"'],
      [18, '/bin/sleep 2'],
    ]);
    expect(directivesOf(unit).find((d) => d.key === 'Description')?.value).toBe(
      'Honeyframe Platform API — Acme Corp',
    );
  });

  it('joins continuation lines with a space, keeping the raw text and the first line number', () => {
    const unit = parseUnit(fixture('commented.service'));
    const after = directivesOf(unit).find((d) => d.key === 'After');
    expect(after?.value).toBe('network.target        remote-fs.target');
    expect(after?.raw).toBe('After=network.target \\\n      remote-fs.target');
    expect(after?.line).toBe(6);
    const start = directivesOf(unit).find((d) => d.key === 'ExecStart');
    expect(start?.line).toBe(11);
    expect(start?.value).toContain('--flag');
  });

  it('keeps comments, blank lines and empty assignments, and marks unreadable lines invalid', () => {
    const unit = parseUnit('# c\n[Service]\n; s\n\nExecStartPre=\nnot an assignment\n');
    expect(unit.preamble.map((l) => l.kind)).toEqual(['comment']);
    expect(unit.sections[0]?.lines.map((l) => l.kind)).toEqual(['comment', 'blank', 'directive', 'invalid']);
    expect(directivesOf(unit)[0]).toMatchObject({ key: 'ExecStartPre', value: '', section: 'Service' });
  });

  it('trims whitespace around the equals sign as systemd does', () => {
    expect(directivesOf(parseUnit('[Service]\nUser = honeyframe \n'))[0]).toMatchObject({
      key: 'User',
      value: 'honeyframe',
    });
  });

  it('a backslash ending the last line becomes a space, as systemd reads it; alone it is a blank line', () => {
    const unit = parseUnit('[Service]\nExecStart=/usr/bin/touch /run/ok \\\n\\\n');
    expect(directivesOf(unit)[0]?.value).toBe('/usr/bin/touch /run/ok');
    expect(parseUnit('[Service]\nType=simple\n\\').sections[0]?.lines.map((l) => l.kind)).toEqual([
      'directive',
      'blank',
    ]);
  });

  it('a backslash followed by a space is not a continuation: the next line is read on its own', () => {
    const unit = parseUnit('[Service]\nExecStart=/bin/echo one \\ \n  two\n');
    expect(unit.sections[0]?.lines.map((l) => l.kind)).toEqual(['directive', 'invalid']);
    expect(directivesOf(unit)[0]?.value).toBe('/bin/echo one \\');
  });

  it('an escaped backslash at the end is not a continuation either', () => {
    const unit = parseUnit('[Service]\nExecStart=/bin/echo a \\\\\nUser=x\n');
    expect(directivesOf(unit).map((d) => d.key)).toEqual(['ExecStart', 'User']);
  });

  it('skips comment lines inside a continuation and ends it at an empty line', () => {
    const text = '[Service]\nExecStart=/bin/echo \\\n # note\n  q \\\n\nUser=x\n';
    const unit = parseUnit(text);
    expect(directivesOf(unit).map((d) => [d.key, d.value])).toEqual([
      ['ExecStart', '/bin/echo    q'],
      ['User', 'x'],
    ]);
    expect(serializeUnit(unit)).toBe(text);
  });

  it('reads lines before the first section, .include lines and broken headers as systemd does', () => {
    const unit = parseUnit('.include /etc/base.service\nUser=x\n[Unit]\n.include /x\n[Service\n=y\n');
    expect(unit.preamble.map((l) => l.kind)).toEqual(['invalid', 'directive']);
    expect(unit.sections[0]?.lines.map((l) => l.kind)).toEqual(['invalid', 'invalid', 'invalid']);
  });

  it('splits key and value at the first equals sign, whatever the key looks like', () => {
    expect(directivesOf(parseUnit('[Service]\nSome Key = a=b\n'))[0]).toMatchObject({
      key: 'Some Key',
      value: 'a=b',
    });
  });
});
