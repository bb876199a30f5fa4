// Where the simulation's recorded host lives.
import path from 'node:path';

// The recorded stdout of the facts script on a converged lab host.
export const FACTS_FILE = path.join(import.meta.dirname, 'converged-facts.txt');
// The display name and vars that host was converged with (simulated hosts get the same).
export const FACTS_META_FILE = path.join(import.meta.dirname, 'converged-facts.json');
