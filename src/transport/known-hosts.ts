// Host key verification against known_hosts under the strict / accept-new / off policies.
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { HfleetError } from '../errors.js';
import type { HostKeyChecking } from '../inventory/types.js';
import { knownHostsLine, preferredHostKeyAlgorithms, sha256Fingerprint } from './host-key-format.js';
import { appendKnownHostsLine, readKnownHosts, serializedForFile } from './known-hosts-file.js';
import { type HostKeyVerdict, hostsFieldMatches, judgeHostKey, knownHostsName } from './known-hosts-match.js';
import type { KnownHostsEntry } from './known-hosts-parse.js';

/** Who is being verified, against which file, under which policy. */
export interface HostKeyContext {
  host: string;
  address: string;
  port: number;
  knownHosts: string;
  policy: HostKeyChecking;
  /** Files also read, never written (the rest of UserKnownHostsFile, GlobalKnownHostsFile); missing ones are empty. */
  moreKnownHosts?: readonly string[] | undefined;
  /** The name keys are recorded under instead of the address and port (HostKeyAlias). */
  hostKeyAlias?: string | undefined;
}

/** The name a host's keys are looked up and recorded under. */
export function hostKeyName(ctx: HostKeyContext): string {
  return ctx.hostKeyAlias ?? knownHostsName(ctx.address, ctx.port);
}

/** What to do with an offered key: accept it (maybe recording it, maybe warning) or refuse with an error. */
export type HostKeyDecision =
  | { accept: true; record: boolean; warning: string | undefined }
  | { accept: false; error: HfleetError };

/** The decision for a verdict under a policy (pure). */
export function decideHostKey(verdict: HostKeyVerdict, key: Buffer, ctx: HostKeyContext): HostKeyDecision {
  const who = `${ctx.host} (${ctx.address}${ctx.port === 22 ? '' : `:${ctx.port}`})`;
  const fingerprint = sha256Fingerprint(key);
  const name = hostKeyName(ctx);
  if (ctx.policy === 'off') {
    const state =
      verdict.kind === 'match'
        ? 'known'
        : verdict.kind === 'unknown'
          ? 'NOT known'
          : verdict.kind.toUpperCase();
    const warning = `WARNING: host key checking is OFF for ${who}: accepted ${fingerprint} (${state} in ${ctx.knownHosts}) without verification`;
    return { accept: true, record: false, warning };
  }
  if (verdict.kind === 'match') return { accept: true, record: false, warning: undefined };
  if (verdict.kind === 'unknown') {
    if (ctx.policy === 'accept-new') return { accept: true, record: true, warning: undefined };
    const error = new HfleetError('HOST_KEY_UNKNOWN', `${who}: host key not in ${ctx.knownHosts}`, {
      hint: `check the fingerprint ${fingerprint} out of band, then add it with \`ssh-keyscan -p ${ctx.port} ${ctx.address} >> ${ctx.knownHosts}\`, or set host_key_checking: accept-new`,
    });
    return { accept: false, error };
  }
  const removal = `ssh-keygen -R '${name}' -f ${ctx.knownHosts}`;
  if (verdict.kind === 'revoked') {
    const error = new HfleetError(
      'HOST_KEY_MISMATCH',
      `${who}: offered host key ${fingerprint} is revoked (${ctx.knownHosts} line ${verdict.line})`,
      {
        hint: 'a revoked key is never accepted: the host must be given a new host key',
      },
    );
    return { accept: false, error };
  }
  const error = new HfleetError(
    'HOST_KEY_MISMATCH',
    `${who}: host key ${fingerprint} differs from ${ctx.knownHosts} line ${verdict.lines.join(', ')}`,
    {
      hint: `possible man-in-the-middle attack; if the host was really reinstalled, remove the old entry with \`${removal}\` and connect again`,
    },
  );
  return { accept: false, error };
}

/** What connect needs: the algorithms to offer, the ssh2 verifier, and the refusal once one happened. */
export interface HostKeyCheck {
  algorithms: ServerHostKeyAlgorithm[];
  verifier(key: Buffer, verify: (accepted: boolean) => void): void;
  refusal(): HfleetError | undefined;
}

/** Load known_hosts and build the check for one connection; `onWarning` gets the `off` warning once. */
export async function prepareHostKeyCheck(
  ctx: HostKeyContext,
  onWarning?: (message: string) => void,
): Promise<HostKeyCheck> {
  const entries = await loadEntries(ctx);
  const name = hostKeyName(ctx);
  const knownTypes = entries
    .filter((entry) => entry.marker === undefined && hostsFieldMatches(entry.hosts, name))
    .map((entry) => entry.keyType);
  let refused: HfleetError | undefined;
  let warned = false;
  const verify = async (key: Buffer): Promise<boolean> => {
    let decision = decideHostKey(judgeHostKey(entries, name, key), key, ctx);
    if (decision.accept && decision.record) {
      decision = await serializedForFile(ctx.knownHosts, async () => {
        const fresh = decideHostKey(judgeHostKey(await loadEntries(ctx), name, key), key, ctx);
        if (fresh.accept && fresh.record) await recordKey(ctx, name, key);
        return fresh;
      });
    }
    if (!decision.accept) {
      refused = decision.error;
      return false;
    }
    if (decision.warning && !warned) {
      warned = true;
      onWarning?.(decision.warning);
    }
    return true;
  };
  return {
    algorithms: preferredHostKeyAlgorithms(knownTypes),
    verifier: (key, done) => {
      verify(key).then(done, (error: unknown) => {
        refused =
          error instanceof HfleetError
            ? error
            : new HfleetError('SSH_CONFIG', `${ctx.host}: cannot verify host key: ${String(error)}`);
        done(false);
      });
    },
    refusal: () => refused,
  };
}

async function loadEntries(ctx: HostKeyContext): Promise<KnownHostsEntry[]> {
  const more = await Promise.all(
    (ctx.moreKnownHosts ?? []).map((path) => readKnownHosts(path).catch(() => [] as KnownHostsEntry[])),
  );
  try {
    return [...(await readKnownHosts(ctx.knownHosts)), ...more.flat()];
  } catch (error) {
    throw new HfleetError(
      'SSH_CONFIG',
      `${ctx.host}: cannot read ${ctx.knownHosts}: ${(error as Error).message}`,
      {
        hint: 'check the known_hosts setting and the file permissions',
        cause: error,
      },
    );
  }
}

async function recordKey(ctx: HostKeyContext, name: string, key: Buffer): Promise<void> {
  if (ctx.knownHosts === '/dev/null') return;
  try {
    await appendKnownHostsLine(ctx.knownHosts, knownHostsLine(name, key));
  } catch (error) {
    throw new HfleetError(
      'SSH_CONFIG',
      `${ctx.host}: cannot add its host key to ${ctx.knownHosts}: ${(error as Error).message}`,
      {
        hint: 'check that the known_hosts file and its directory are writable',
        cause: error,
      },
    );
  }
}
