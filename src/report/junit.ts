// JUnit XML for CI systems: one test case per host or finding, every string escaped for XML 1.0.

/** One test case: a host, or one finding on a host. */
export interface JunitCase {
  name: string;
  /** Groups cases in CI views, e.g. `hfleet.drift.acme`. */
  classname: string;
  failure?: { message: string; type: string; body: string };
  skipped?: boolean;
  timeSec?: number;
}

// Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Text with characters XML cannot hold written as \uXXXX.
function xmlSafe(text: string): string {
  return text.replace(NOT_XML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escaped element text. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped attribute value (whitespace kept as character references, which attribute normalization keeps). */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

// Seconds as JUnit writes them.
function seconds(value: number | undefined): string {
  return (value !== undefined && Number.isFinite(value) && value >= 0 ? value : 0).toFixed(3);
}

// One <testcase>.
function testcase(item: JunitCase): string {
  const open = `    <testcase name="${escapeAttribute(item.name)}" classname="${escapeAttribute(item.classname)}" time="${seconds(item.timeSec)}"`;
  if (item.failure) {
    const { message, type, body } = item.failure;
    return `${open}>\n      <failure message="${escapeAttribute(message)}" type="${escapeAttribute(type)}">${escapeText(body)}</failure>\n    </testcase>`;
  }
  if (item.skipped) return `${open}>\n      <skipped/>\n    </testcase>`;
  return `${open}/>`;
}

/** A whole JUnit XML document with one suite. */
export function junitXml(suiteName: string, cases: readonly JunitCase[]): string {
  const failures = cases.filter((item) => item.failure).length;
  const skipped = cases.filter((item) => !item.failure && item.skipped).length;
  const time = seconds(cases.reduce((sum, item) => sum + (item.timeSec ?? 0), 0));
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeAttribute(suiteName)}" ${counts}>`,
    `  <testsuite name="${escapeAttribute(suiteName)}" ${counts}>`,
    ...cases.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
