// Where hfleet keeps its local state: $XDG_STATE_HOME/hfleet, else ~/.local/state/hfleet.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** hfleet's state folder for this environment (an XDG_STATE_HOME that is not absolute is ignored, as the spec says). */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_STATE_HOME'];
  const stateHome = base && isAbsolute(base) ? base : join(homedir(), '.local', 'state');
  return join(stateHome, 'hfleet');
}

/** The history folder for this environment. */
export function historyDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'history');
}

/** The folder of serve's 24-hour trends (docs/serve.md). */
export function trendsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'trends');
}
