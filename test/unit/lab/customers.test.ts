import { describe, expect, it } from 'vitest';
import { customerFor, labHostSpec, labHostSpecs } from '../../../src/lab/customers.js';

describe('lab customers', () => {
  it('names the first ten hosts after the fixed list, then customer-N', () => {
    expect(customerFor(1)).toEqual({ id: 'acme', displayName: 'Acme Corp' });
    expect(customerFor(2)).toEqual({ id: 'globex', displayName: 'Globex Corporation' });
    expect(customerFor(10).id).toBe('cyberdyne');
    expect(customerFor(11)).toEqual({ id: 'customer-11', displayName: 'Customer 11' });
  });

  it('gives each host a name, machine and address from its position', () => {
    expect(labHostSpec(3)).toEqual({
      name: 'initech-1',
      customer: 'initech',
      displayName: 'Initech',
      address: '10.213.1.3',
      machine: 'hflab-3',
      index: 3,
      release: 'bookworm',
    });
  });

  it('gives the hosts the releases asked for, round-robin', () => {
    const releases = labHostSpecs(5, ['bullseye', 'bookworm', 'trixie']).map((spec) => spec.release);
    expect(releases).toEqual(['bullseye', 'bookworm', 'trixie', 'bullseye', 'bookworm']);
    expect(labHostSpecs(2, ['trixie']).map((spec) => spec.release)).toEqual(['trixie', 'trixie']);
  });

  it('makes unique names and addresses for a large lab', () => {
    const specs = labHostSpecs(50);
    expect(new Set(specs.map((s) => s.name)).size).toBe(50);
    expect(new Set(specs.map((s) => s.address)).size).toBe(50);
    expect(specs[49]?.address).toBe('10.213.1.50');
  });
});
