// What the system ssh's last stderr line says, as one HfleetError with a code and a hint (pure).
import { HfleetError } from '../../errors.js';

const RULES: Array<
  [
    RegExp,
    'SSH_AUTH' | 'HOST_KEY_MISMATCH' | 'HOST_KEY_UNKNOWN' | 'SSH_REFUSED' | 'SSH_TIMEOUT' | 'SSH_DNS',
    string,
  ]
> = [
  [
    /Permission denied/i,
    'SSH_AUTH',
    'check the key ssh offers (`hfleet hosts` shows them) and authorized_keys',
  ],
  [
    /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed.*changed/i,
    'HOST_KEY_MISMATCH',
    'verify the new host key out of band',
  ],
  [
    /Host key verification failed|No .* host key is known/i,
    'HOST_KEY_UNKNOWN',
    'add the host key to known_hosts after checking it out of band',
  ],
  [/Connection refused/i, 'SSH_REFUSED', 'check that sshd is running and listening on the port'],
  [/timed out/i, 'SSH_TIMEOUT', 'check that the host is up and reachable, or raise connect_timeout'],
  [/Could not resolve hostname/i, 'SSH_DNS', 'check the address and DNS'],
];

/** The error for an ssh run that ended with status 255 (ssh's own failure) and this stderr. */
export function sshFailure(host: string, stderr: string): HfleetError {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('Warning: Permanently added'));
  const text = lines.join(' ');
  const last = lines.at(-1) ?? 'ssh failed without a message';
  for (const [pattern, code, hint] of RULES) {
    if (pattern.test(text)) return new HfleetError(code, `${host}: ${last}`, { hint });
  }
  return new HfleetError('SSH_SOCKET', `${host}: ${last}`, {
    hint: 'run `ssh -v` with the same settings to see why',
  });
}
