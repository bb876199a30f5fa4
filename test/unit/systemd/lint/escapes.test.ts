import { describe, expect, it } from 'vitest';
import { unknownEscape } from '../../../../src/systemd/lint/escapes.js';

describe('unknownEscape', () => {
  it.each([
    String.raw`/usr/bin/printf %s\n "a\tb" \x41 \101 \u00e9 \\ \" \' \s`,
    String.raw`/usr/bin/pkill -x "\s\"app\""`,
    String.raw`DIR=\x2fsrv`,
    String.raw`\uD800`,
  ])('knows every escape of %j', (text) => expect(unknownEscape(text)).toBeUndefined());

  it.each([
    [String.raw`/bin/kill -TERM \$MAINPID`, String.raw`\$`],
    [String.raw`/bin/echo "\w"`, String.raw`\w`],
    [String.raw`/bin/echo \x4`, String.raw`\x4`],
    [String.raw`/bin/echo \x00`, String.raw`\x00`],
    [String.raw`/bin/echo \000`, String.raw`\000`],
    [String.raw`/bin/echo \477`, String.raw`\477`],
    [String.raw`/bin/echo \08`, String.raw`\08`],
    [String.raw`/bin/echo \U0000FFFF`, String.raw`\U0000FFFF`],
    [String.raw`/bin/echo \U00110000`, String.raw`\U00110000`],
  ])('refuses %j at %j', (text, sequence) => expect(unknownEscape(text, true)).toBe(sequence));

  it('reads a \\; word on its own as the literal ; argument of a command line, and nowhere else', () => {
    expect(unknownEscape(String.raw`/usr/bin/find /tmp -exec /bin/true {} \;`, true)).toBeUndefined();
    expect(unknownEscape(String.raw`/bin/echo \; two \;`, true)).toBeUndefined();
    expect(unknownEscape(String.raw`/bin/echo one\;`, true)).toBe(String.raw`\;`);
    expect(unknownEscape(String.raw`/bin/echo "\;"`, true)).toBe(String.raw`\;`);
    expect(unknownEscape(String.raw`A=\;`)).toBe(String.raw`\;`);
  });
});
