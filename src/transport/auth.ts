// Choose the credentials to offer: the identity file, else ssh-agent, else the usual default keys.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import ssh2, { type AgentAuthMethod, type PublicKeyAuthMethod } from 'ssh2';
import { HfleetError } from '../errors.js';

/** One ssh2 auth attempt (publickey with a key, or agent). */
export type AuthAttempt = PublicKeyAuthMethod | AgentAuthMethod;

/** The attempts in order and a description of each, safe to print. */
export interface AuthPlan {
  attempts: AuthAttempt[];
  tried: string[];
}

/** Where to look for credentials (the process environment and home by default). */
export interface AuthEnvironment {
  agentSocket: string | undefined;
  home: string;
}

const DEFAULT_KEYS = ['id_ed25519', 'id_rsa', 'id_ecdsa'];

// The environment of this process: SSH_AUTH_SOCK and the home directory.
export function processAuthEnvironment(): AuthEnvironment {
  return { agentSocket: process.env['SSH_AUTH_SOCK'] || undefined, home: homedir() };
}

// The auth plan for a user: identity file when set, else agent when available, else default keys found.
export async function planAuth(
  host: string,
  user: string,
  identityFile: string | undefined,
  env: AuthEnvironment,
): Promise<AuthPlan> {
  const agent = env.agentSocket;
  if (identityFile !== undefined) {
    const key = await readKeyFile(host, identityFile, true);
    if (key === 'encrypted') {
      if (agent)
        return {
          attempts: [{ type: 'agent', username: user, agent }],
          tried: [`ssh-agent (${identityFile} is encrypted)`],
        };
      throw new HfleetError(
        'SSH_AUTH',
        `${host}: identity file ${identityFile} is encrypted and no ssh-agent is running`,
        {
          hint: `start ssh-agent and run \`ssh-add ${identityFile}\`, or use a key without a passphrase`,
        },
      );
    }
    if (key === undefined) throw new Error('unreachable: a required key file was missing');
    return {
      attempts: [{ type: 'publickey', username: user, key }],
      tried: [`identity file ${identityFile}`],
    };
  }
  if (agent) return { attempts: [{ type: 'agent', username: user, agent }], tried: ['ssh-agent'] };
  const plan: AuthPlan = { attempts: [], tried: [] };
  for (const name of DEFAULT_KEYS) {
    const path = join(env.home, '.ssh', name);
    const key = await readKeyFile(host, path, false);
    if (Buffer.isBuffer(key)) {
      plan.attempts.push({ type: 'publickey', username: user, key });
      plan.tried.push(`identity file ${path}`);
    }
  }
  return plan;
}

async function readKeyFile(
  host: string,
  path: string,
  required: boolean,
): Promise<Buffer | 'encrypted' | undefined> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    if (!required) return undefined;
    throw new HfleetError(
      'SSH_CONFIG',
      `${host}: cannot read identity file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      {
        hint: 'check identity_file in the inventory',
        cause: error,
      },
    );
  }
  const parsed = ssh2.utils.parseKey(content);
  if (parsed instanceof Error) {
    if (/passphrase|encrypted/i.test(parsed.message)) return 'encrypted';
    if (!required) return undefined;
    throw new HfleetError(
      'SSH_CONFIG',
      `${host}: identity file ${path} is not a usable private key (${parsed.message})`,
      {
        hint: 'point identity_file at an OpenSSH or PEM private key',
      },
    );
  }
  return content;
}
