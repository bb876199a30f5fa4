// An ssh-agent seen through one of its keys: ssh2 offers every key an agent lists, ssh offers them one by one.
import ssh2, { type BaseAgent, type ParsedKey } from 'ssh2';

type IdentitiesCallback = (error: Error | undefined, keys?: ParsedKey[]) => void;

/** The public keys an agent holds (empty when it cannot be reached). */
export function listAgentKeys(socket: string): Promise<ParsedKey[]> {
  const agent = new ssh2.OpenSSHAgent(socket);
  return new Promise((resolve) => {
    agent.getIdentities((error, keys) =>
      resolve(error || !keys ? [] : keys.filter((key): key is ParsedKey => 'getPublicSSH' in key)),
    );
  });
}

/** An agent that lists only `key` and signs with the real agent. */
export function singleKeyAgent(socket: string, key: ParsedKey): BaseAgent {
  const agent = new ssh2.OpenSSHAgent(socket);
  const selected = Object.create(agent) as BaseAgent & {
    getIdentities(callback: IdentitiesCallback): void;
  };
  selected.getIdentities = (callback: IdentitiesCallback) => callback(undefined, [key]);
  return selected;
}

/** True when two public keys are the same key. */
export function sameKey(a: ParsedKey, b: ParsedKey): boolean {
  return a.getPublicSSH().equals(b.getPublicSSH());
}
