// `hfleet lint`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet lint`.
export function lintCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'lint',
    describe: 'lint (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet lint is not available yet');
    },
  };
}
