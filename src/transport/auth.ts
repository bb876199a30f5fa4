// Choose the credentials to offer the way ssh does: identity files in order (a missing one skipped, a `*.pub`
// one standing for that key in the agent), identity keys the agent holds first, then the agent's other keys
// unless IdentitiesOnly, then the remaining identity files read from disk.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import ssh2, { type AgentAuthMethod, type ParsedKey, type PublicKeyAuthMethod } from 'ssh2';
import type { SshSettings } from '../inventory/types.js';
import { DEFAULT_IDENTITIES } from '../ssh-config/view.js';
import { listAgentKeys, sameKey, singleKeyAgent } from './agent-key.js';

/** One ssh2 auth attempt (publickey with a key, or one agent key). */
export type AuthAttempt = PublicKeyAuthMethod | AgentAuthMethod;

/** The attempts in order, a description of each, and what was skipped and why (all safe to print). */
export interface AuthPlan {
  attempts: AuthAttempt[];
  tried: string[];
  skipped: string[];
}

/** Where to look for credentials (the process environment and home by default). */
export interface AuthEnvironment {
  agentSocket: string | undefined;
  home: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** The environment of this process: SSH_AUTH_SOCK and the home directory. */
export function processAuthEnvironment(): AuthEnvironment {
  return { agentSocket: process.env['SSH_AUTH_SOCK'] || undefined, home: homedir(), env: process.env };
}

/** The agent socket for the settings: IdentityAgent (`none`, `SSH_AUTH_SOCK`, `$VAR`, a path), else SSH_AUTH_SOCK. */
export function agentSocketOf(ssh: SshSettings, env: AuthEnvironment): string | undefined {
  const agent = ssh.identityAgent;
  if (agent === undefined || agent === 'SSH_AUTH_SOCK') return env.agentSocket;
  if (agent === 'none') return undefined;
  if (agent.startsWith('$')) return env.env?.[agent.slice(1)] || undefined;
  return agent;
}

/** One identity file: its public key when known, its private key when readable without a passphrase. */
interface Identity {
  path: string;
  publicKey: ParsedKey | undefined;
  privateKey: Buffer | undefined;
  why: string | undefined;
}

function parsedKey(content: Buffer | undefined): ParsedKey | undefined {
  if (!content) return undefined;
  const parsed = ssh2.utils.parseKey(content);
  if (parsed instanceof Error) return undefined;
  return Array.isArray(parsed) ? parsed[0] : parsed;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

// What an identity file offers: `x.pub` only its public key (for the agent), `x` its private key and x.pub.
async function loadIdentity(path: string): Promise<Identity> {
  if (path.endsWith('.pub')) {
    const publicKey = parsedKey(await readOptional(path));
    return {
      path,
      publicKey,
      privateKey: undefined,
      why: publicKey ? 'not in the agent' : 'missing or not a key',
    };
  }
  const content = await readOptional(path);
  if (!content) {
    return {
      path,
      publicKey: parsedKey(await readOptional(`${path}.pub`)),
      privateKey: undefined,
      why: 'missing',
    };
  }
  const parsed = ssh2.utils.parseKey(content);
  if (parsed instanceof Error) {
    const encrypted = /passphrase|encrypted/i.test(parsed.message);
    return {
      path,
      publicKey: parsedKey(await readOptional(`${path}.pub`)),
      privateKey: undefined,
      why: encrypted ? 'encrypted and not in the agent' : `not a usable private key (${parsed.message})`,
    };
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  return { path, publicKey: key, privateKey: content, why: undefined };
}

/** The identity files of the settings: all of them in order, else the inventory's one, else ssh's defaults. */
export function identityPaths(ssh: SshSettings, home: string): string[] {
  if (ssh.identityFiles && ssh.identityFiles.length > 0) return ssh.identityFiles;
  if (ssh.identityFile !== undefined) return [ssh.identityFile];
  return DEFAULT_IDENTITIES.map((name) => join(home, '.ssh', name));
}

/** The auth plan for a host's settings, in ssh's order. */
export async function planAuth(ssh: SshSettings, env: AuthEnvironment): Promise<AuthPlan> {
  const user = ssh.user;
  const socket = agentSocketOf(ssh, env);
  const identities = await Promise.all(identityPaths(ssh, env.home).map(loadIdentity));
  const configured = ssh.identityFiles !== undefined || ssh.identityFile !== undefined;
  const agentKeys = socket ? await listAgentKeys(socket) : [];
  const plan: AuthPlan = { attempts: [], tried: [], skipped: [] };
  const fromAgent = new Set<Identity>();
  const otherAgentKeys: ParsedKey[] = [];
  for (const key of agentKeys) {
    const identity = identities.find(
      (candidate) => !fromAgent.has(candidate) && candidate.publicKey && sameKey(candidate.publicKey, key),
    );
    if (identity && socket) {
      fromAgent.add(identity);
      plan.attempts.push({ type: 'agent', username: user, agent: singleKeyAgent(socket, key) });
      plan.tried.push(`ssh-agent key of ${identity.path}`);
    } else if (!identity && !ssh.identitiesOnly) otherAgentKeys.push(key);
  }
  for (const key of otherAgentKeys) {
    plan.attempts.push({ type: 'agent', username: user, agent: singleKeyAgent(socket as string, key) });
    plan.tried.push(`ssh-agent key ${key.comment || key.type}`);
  }
  for (const identity of identities) {
    if (fromAgent.has(identity)) continue;
    if (identity.privateKey) {
      plan.attempts.push({ type: 'publickey', username: user, key: identity.privateKey });
      plan.tried.push(`identity file ${identity.path}`);
    } else if (identity.why && configured) plan.skipped.push(`${identity.path} (${identity.why})`);
  }
  return plan;
}
