// Parse an OpenSSH known_hosts file into typed entries (pure: text in, entries out).

/** Who a known_hosts line is for: a hashed host name or a list of patterns (`!` negates). */
export type KnownHostsHosts =
  | { kind: 'hashed'; salt: Buffer; hash: Buffer }
  | { kind: 'patterns'; patterns: string[] };

/** One usable known_hosts line. */
export interface KnownHostsEntry {
  /** 1-based line number, for messages. */
  line: number;
  marker: 'revoked' | 'cert-authority' | undefined;
  hosts: KnownHostsHosts;
  keyType: string;
  /** The decoded key field: the SSH wire-format public key blob. */
  key: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Every well-formed entry of a known_hosts text; comments, blank and malformed lines are skipped. */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const entry = parseKnownHostsLine(raw, index + 1);
    if (entry) entries.push(entry);
  });
  return entries;
}

/** One line as an entry, or undefined for a comment, a blank or a malformed line. */
export function parseKnownHostsLine(raw: string, line: number): KnownHostsEntry | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const fields = trimmed.split(/\s+/);
  let marker: KnownHostsEntry['marker'];
  if (fields[0]?.startsWith('@')) {
    const name = fields.shift();
    if (name === '@revoked') marker = 'revoked';
    else if (name === '@cert-authority') marker = 'cert-authority';
    else return undefined;
  }
  const [hostField, keyType, keyField] = fields;
  if (!hostField || !keyType || !keyField || !BASE64.test(keyField)) return undefined;
  const hosts = parseHostsField(hostField);
  if (!hosts) return undefined;
  const key = Buffer.from(keyField, 'base64');
  if (key.length === 0) return undefined;
  return { line, marker, hosts, keyType, key };
}

// The host field: `|1|salt|hmac` (hashed) or a comma list of patterns.
function parseHostsField(field: string): KnownHostsHosts | undefined {
  if (field.startsWith('|')) {
    const parts = field.split('|');
    if (parts.length !== 4 || parts[1] !== '1') return undefined;
    const [, , salt, hash] = parts;
    if (!salt || !hash || !BASE64.test(salt) || !BASE64.test(hash)) return undefined;
    return { kind: 'hashed', salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
  }
  const patterns = field.split(',').filter((pattern) => pattern !== '' && pattern !== '!');
  return patterns.length === 0 ? undefined : { kind: 'patterns', patterns };
}
