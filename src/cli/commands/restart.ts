// `hfleet restart`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet restart`.
export function restartCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'restart',
    describe: 'restart (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet restart is not available yet');
    },
  };
}
