// `hfleet lab`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet lab`.
export function labCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'lab',
    describe: 'lab (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet lab is not available yet');
    },
  };
}
