// `hfleet demo`: placeholder until the command lands.
import type { CommandModule } from 'yargs';
import { HfleetError } from '../../errors.js';

// The yargs module of `hfleet demo`.
export function demoCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'demo',
    describe: 'demo (not yet available)',
    handler: () => {
      throw new HfleetError('USAGE', 'hfleet demo is not available yet');
    },
  };
}
