// Parse a ProxyJump-style jump host spec: `[user@]host[:port]` (IPv6 addresses in brackets).
import { HfleetError } from '../errors.js';

/** Where the jump host is and who logs in there. */
export interface JumpHost {
  user: string;
  address: string;
  port: number;
}

/** The jump host of a spec; the user defaults to the target's login user, the port to 22. */
export function parseJump(spec: string, defaultUser: string): JumpHost {
  const match = /^(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(spec.trim());
  const port = match?.[3] === undefined ? 22 : Number(match[3]);
  if (!match?.[2] || port < 1 || port > 65535) {
    throw new HfleetError('SSH_CONFIG', `jump host "${spec}" is not of the form [user@]host[:port]`, {
      hint: 'e.g. jump: admin@bastion.example.com:2222',
    });
  }
  const address = match[2].startsWith('[') ? match[2].slice(1, -1) : match[2];
  return { user: match[1] ?? defaultUser, address, port };
}
