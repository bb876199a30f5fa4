// The per-host lock, as seen from the facts round trip: refuse to go on when another run holds it.
import { HfleetError } from '../errors.js';
import type { HostFacts } from '../facts/types.js';

/** Throw LOCKED naming the holder when the facts say another run holds the host's lock. */
export function assertLockAcquired(hostName: string, facts: HostFacts): void {
  if (facts.lock && !facts.lock.acquired) {
    throw new HfleetError(
      'LOCKED',
      `${hostName}: another hfleet run holds the host lock (${facts.lock.holder || 'holder unknown'})`,
      {
        hint: 'wait for it to finish, or pass --lock-wait SECONDS; the lock is released when that run disconnects',
      },
    );
  }
}
