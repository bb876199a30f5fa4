// Colour for human output: the only place chalk is used; off for NO_COLOR and for a non-TTY stream.
import { Chalk, type ChalkInstance, supportsColor } from 'chalk';

/** True when output to this stream may use colour and redraws. */
export function isInteractive(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
}

/** A chalk instance for this stream: colourless unless it is an interactive terminal. */
export function styleFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  const level = isInteractive(stream, env) ? (supportsColor ? supportsColor.level : 1) : 0;
  return new Chalk({ level });
}
