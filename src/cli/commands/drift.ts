// `hfleet drift`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet drift`.
export function driftCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'drift',
    describe: 'drift (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet drift is not available yet');
    },
  };
}
