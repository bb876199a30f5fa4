// `hfleet render`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet render`.
export function renderCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'render',
    describe: 'render (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet render is not available yet');
    },
  };
}
