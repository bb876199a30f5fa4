// Parse the facts script's tagged output into HostFacts (pure; tested on recorded outputs).

import { parseProbeLines } from '../health/probe.js';
import { parseRecovery, RECOVERY_TAG } from '../remote/commit-script.js';
import { base64Field, TAG } from '../remote/protocol.js';
import { parseShowOutput } from './show-properties.js';
import type { DropinEntry, FactRequest, HostFacts, KnownFiles } from './types.js';

/** An empty HostFacts (a host where nothing was found). */
export function emptyFacts(): HostFacts {
  return {
    files: new Map(),
    dropins: new Map(),
    users: new Map(),
    ownership: new Map(),
    units: new Map(),
    health: new Map(),
    exists: new Map(),
    now: undefined,
    bootedAt: undefined,
    lock: undefined,
    recovery: undefined,
  };
}

/**
 * Turn the facts output into HostFacts; units are matched to the request's order. An unchanged file's content
 * is the one in `known` (what the script was sent; see facts/script.ts).
 */
export function parseFacts(output: string, request: FactRequest, known?: KnownFiles): HostFacts {
  const facts = emptyFacts();
  const lines = output.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const fields = lines[index]!.split('\t');
    const [tag, a = '', b = '', c = '', d = '', e = '', f = ''] = fields;
    switch (tag) {
      case TAG.lock:
        facts.lock =
          a === 'acquired' ? { acquired: true } : { acquired: false, holder: base64Field(b).trim() };
        break;
      case TAG.now:
        facts.now = Number(a) || undefined;
        facts.bootedAt =
          facts.now !== undefined && b !== '' && Number.isFinite(Number(b))
            ? facts.now - Number(b)
            : undefined;
        break;
      case TAG.fileUnchanged: {
        const content = known?.get(a)?.content;
        facts.files.set(a, {
          exists: true,
          mtime: Number(c),
          owner: d,
          group: e,
          mode: f,
          content,
          signature: fields[7],
        });
        break;
      }
      case TAG.file:
        facts.files.set(
          a,
          b === '1'
            ? {
                exists: true,
                mtime: Number(c),
                owner: d,
                group: e,
                mode: f,
                content: base64Field(fields[7]),
                ...(fields[8] ? { signature: fields[8] } : {}),
              }
            : {
                exists: false,
                mtime: undefined,
                owner: undefined,
                group: undefined,
                mode: undefined,
                content: undefined,
              },
        );
        break;
      case TAG.symlink: {
        const fact = facts.files.get(a);
        if (fact) fact.symlinkTo = base64Field(b).replace(/\n$/, '');
        break;
      }
      case TAG.dropinDir:
        facts.dropins.set(a, facts.dropins.get(a) ?? []);
        break;
      case TAG.dropinEntry: {
        const entries: DropinEntry[] = facts.dropins.get(a) ?? [];
        entries.push({ mtime: Number(b), name: c.slice(c.lastIndexOf('/') + 1) });
        facts.dropins.set(a, entries);
        break;
      }
      case TAG.user:
        facts.users.set(a, b === '1');
        break;
      case TAG.ownership:
        facts.ownership.set(a, { exists: b === '1', firstForeign: c ? base64Field(c) : null });
        break;
      case TAG.exists:
        facts.exists.set(a, b === '1');
        break;
      case RECOVERY_TAG:
        facts.recovery = parseRecovery(lines[index]!);
        break;
      case TAG.showBlock: {
        if (a !== 'begin') break;
        const end = lines.indexOf(`${TAG.showBlock}\tend`, index);
        const block = lines.slice(index + 1, end < 0 ? undefined : end).join('\n');
        facts.units = parseShowOutput(block, request.units);
        index = end < 0 ? lines.length : end;
        break;
      }
    }
  }
  facts.health = parseProbeLines(output, request.health);
  return facts;
}
