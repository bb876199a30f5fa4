import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/schema/json-text.js';

describe('formatJson', () => {
  it('expands objects and keeps short scalar arrays on one line', () => {
    expect(formatJson({ a: [1, 'x'], b: { c: null }, d: {}, e: [] })).toBe(
      '{\n  "a": [1, "x"],\n  "b": {\n    "c": null\n  },\n  "d": {},\n  "e": []\n}\n',
    );
  });

  it('breaks an array that would pass the line width, and arrays of objects', () => {
    const long = Array.from({ length: 30 }, (_, index) => `item-${index}`);
    const text = formatJson({ long, objects: [{ a: 1 }] });
    expect(text).toContain('"long": [\n    "item-0",\n');
    expect(text).toContain('"objects": [\n    {\n      "a": 1\n    }\n  ]');
    expect(JSON.parse(text)).toEqual({ long, objects: [{ a: 1 }] });
  });
});
