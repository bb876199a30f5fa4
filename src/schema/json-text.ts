// JSON text laid out the way the project's formatter lays it out, so generated files pass `biome check`.

const LINE_WIDTH = 110;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// True for values printed on one line without a layout decision.
function isScalar(value: Json): value is null | boolean | number | string {
  return value === null || typeof value !== 'object';
}

// One value at `depth`; `prefix` is what precedes it on its line (indent and key), `suffix` what follows.
function layout(value: Json, depth: number, prefix: string, suffix: string): string {
  const indent = '  '.repeat(depth);
  if (isScalar(value)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    if (value.every(isScalar) && prefix.length + inline.length + suffix.length <= LINE_WIDTH) return inline;
    const items = value.map((item, index) => {
      const comma = index < value.length - 1 ? ',' : '';
      return `${indent}  ${layout(item, depth + 1, `${indent}  `, comma)}${comma}`;
    });
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    const head = `${indent}  ${JSON.stringify(key)}: `;
    return `${head}${layout(item, depth + 1, head, comma)}${comma}`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** `value` as formatted JSON text with a final newline. */
export function formatJson(value: unknown): string {
  return `${layout(JSON.parse(JSON.stringify(value)) as Json, 0, '', '')}\n`;
}
