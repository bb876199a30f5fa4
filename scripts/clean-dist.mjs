// Empties dist/ before a build, so that it holds only what the sources compile to now: a module whose source
// was removed or renamed cannot linger there and make a broken import work.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
