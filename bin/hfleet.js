#!/usr/bin/env node
// The hfleet executable: loads the built CLI and nothing else.
import { endQuietlyOnClosedPipe } from '../dist/cli/closed-pipe.js';
import { main } from '../dist/cli/main.js';

endQuietlyOnClosedPipe(process.stdout);
process.exitCode = await main(process.argv.slice(2));
