#!/usr/bin/env node
// The hfleet executable: loads the built CLI and nothing else.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
