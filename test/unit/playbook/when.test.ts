import { describe, expect, it } from 'vitest';
import { evaluateWhen, whenSyntaxError } from '../../../src/playbook/when.js';

const scope = { run_as: 'honeyframe', companions: ['dbt-run'], private_tmp: false, health_timeout: 60 };

describe('evaluateWhen', () => {
  it.each([
    ["run_as != 'root'", true],
    ["run_as == 'root'", false],
    ["'dbt-run' in companions", true],
    ["'hub-scheduler' in companions", false],
    ["'hub-scheduler' not in companions", true],
    ['not private_tmp', true],
    ['private_tmp', false],
    ["private_tmp or run_as != 'root'", true],
    ["private_tmp and run_as != 'root'", false],
    ["not ('dbt-run' in companions)", false],
    ['health_timeout == 60', true],
    ['companions', true],
    ['true', true],
  ])('%s -> %s', (expression, expected) => {
    expect(evaluateWhen(expression, scope)).toBe(expected);
  });

  it('names an undefined variable', () => {
    expect(() => evaluateWhen('memory_maxx', scope)).toThrow("undefined variable 'memory_maxx'");
  });

  it('does not reach prototype properties', () => {
    expect(() => evaluateWhen('constructor', scope)).toThrow(/undefined variable/);
  });

  it.each(["run_as == 'root", 'run_as ==', '(run_as', 'a ; b', "run_as == 'x' and"])(
    'rejects %j',
    (expression) => {
      expect(whenSyntaxError(expression)).not.toBeNull();
    },
  );

  it('accepts well-formed expressions with unknown names when only checking syntax', () => {
    expect(whenSyntaxError("x != 'root' and 'a' in ys")).toBeNull();
  });
});
