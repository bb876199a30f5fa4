import { describe, expect, it } from 'vitest';
import { isTimeSpan } from '../../../../src/systemd/lint/time-span.js';

describe('isTimeSpan', () => {
  it.each(['5', '5s', '1min 30s', '1.5h', '2 weeks', 'infinity', '100ms', '3d4h', ' 10 min '])(
    'accepts %j',
    (text) => expect(isTimeSpan(text)).toBe(true),
  );
  it.each(['fast', '', '5 parsecs', '-5s', '1min fast', 'inf'])('refuses %j', (text) =>
    expect(isTimeSpan(text)).toBe(false),
  );
});
