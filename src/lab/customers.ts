// The customers lab hosts pretend to belong to: one customer per host, named from a fixed list.
import { hostAddress, machineName } from './layout.js';
import { DEFAULT_RELEASE, type LabRelease, releaseOfHost } from './releases.js';

const NAMED: ReadonlyArray<readonly [string, string]> = [
  ['acme', 'Acme Corp'],
  ['globex', 'Globex Corporation'],
  ['initech', 'Initech'],
  ['umbrella', 'Umbrella Corporation'],
  ['hooli', 'Hooli'],
  ['stark', 'Stark Industries'],
  ['wayne', 'Wayne Enterprises'],
  ['wonka', 'Wonka Industries'],
  ['tyrell', 'Tyrell Corporation'],
  ['cyberdyne', 'Cyberdyne Systems'],
];

/** One lab host as the inventory and the tests see it. */
export interface LabHostSpec {
  /** The inventory host name, e.g. `acme-1`. */
  name: string;
  customer: string;
  displayName: string;
  address: string;
  /** The container (machine) name, e.g. `hflab-1`. */
  machine: string;
  /** 1-based position; the address and machine name follow from it. */
  index: number;
  /** The Debian release the host runs. */
  release: LabRelease;
}

/** The customer id and display name of host number n (1-based). */
export function customerFor(index: number): { id: string; displayName: string } {
  const named = NAMED[index - 1];
  if (named) return { id: named[0], displayName: named[1] };
  return { id: `customer-${index}`, displayName: `Customer ${index}` };
}

/** The spec of host number n. */
export function labHostSpec(index: number, release: LabRelease = DEFAULT_RELEASE): LabHostSpec {
  const customer = customerFor(index);
  return {
    name: `${customer.id}-1`,
    customer: customer.id,
    displayName: customer.displayName,
    address: hostAddress(index),
    machine: machineName(index),
    index,
    release,
  };
}

/** The specs of hosts 1..count, the releases taken round-robin. */
export function labHostSpecs(
  count: number,
  releases: readonly LabRelease[] = [DEFAULT_RELEASE],
): LabHostSpec[] {
  return Array.from({ length: count }, (_, i) => labHostSpec(i + 1, releaseOfHost(releases, i + 1)));
}
