// `--listen ADDR:PORT`: where serve listens; any address but loopback needs a token.
import { isIP } from 'node:net';
import { HfleetError } from '../errors.js';

/** serve's port when none is given. */
export const DEFAULT_PORT = 8470;

/** A parsed --listen value. */
export interface ListenAddress {
  host: string;
  port: number;
  loopback: boolean;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `127.0.0.1:8470`, `[::1]:8470`, `0.0.0.0:80`, or just a port (`:8470`, `8470`) on 127.0.0.1. */
export function parseListen(value: string | undefined): ListenAddress {
  if (value === undefined) return { host: '127.0.0.1', port: DEFAULT_PORT, loopback: true };
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d+)$/.exec(value) ?? /^()()(\d+)$/.exec(value);
  const port = Number(match?.[3]);
  const host = match?.[1] || match?.[2] || '127.0.0.1';
  if (
    !match ||
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535 ||
    (host !== 'localhost' && isIP(host) === 0)
  ) {
    throw new HfleetError(
      'USAGE',
      `--listen: '${value}' is not ADDR:PORT (an IP address or localhost, a port 0-65535)`,
      {
        hint: 'e.g. --listen 127.0.0.1:8470 or --listen 0.0.0.0:8470 --token ...',
      },
    );
  }
  return { host, port, loopback: isLoopback(host) };
}

/** Refuse a non-loopback address without a token (before anything listens). */
export function checkListenToken(address: ListenAddress, token: string | undefined): void {
  if (!address.loopback && !token) {
    throw new HfleetError('USAGE', `--listen ${address.host}: an address other than loopback needs --token`, {
      hint: 'set --token (or HFLEET_SERVE_TOKEN); every request must then carry it',
    });
  }
}
