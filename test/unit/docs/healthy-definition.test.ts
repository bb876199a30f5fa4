import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The paragraph that starts with **Healthy.** in a docs page.
function healthyParagraph(page: string): string {
  const text = readFileSync(new URL(`../../../docs/${page}`, import.meta.url), 'utf8');
  const start = text.indexOf('**Healthy.**');
  expect(start, `${page} defines healthy`).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf('\n\n', start));
}

describe('the definition of healthy in the docs', () => {
  it('is one paragraph, in the same words, in apply and drift', () => {
    expect(healthyParagraph('drift.md')).toBe(healthyParagraph('apply.md'));
  });
});
