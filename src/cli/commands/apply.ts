// `hfleet apply`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet apply`.
export function applyCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'apply',
    describe: 'apply (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet apply is not available yet');
    },
  };
}
