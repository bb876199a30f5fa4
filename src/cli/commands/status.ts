// `hfleet status`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet status`.
export function statusCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'status',
    describe: 'status (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet status is not available yet');
    },
  };
}
