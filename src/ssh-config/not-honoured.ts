// Keywords that change where or how ssh connects but that the ssh2 transport does not act on, and what it
// does instead: reported once per run per keyword, never silently ignored.

/** Keyword (lower case) -> what hfleet's ssh2 transport does instead. */
export const NOT_HONOURED_BY_SSH2: Readonly<Record<string, string>> = {
  canonicalizehostname:
    'host names are not canonicalized (the config is read again for the final name, as ssh does)',
  canonicaldomains: 'no DNS search is made; names are used as written',
  bindaddress: 'the system chooses the source address',
  bindinterface: 'the system chooses the source interface',
  certificatefile:
    'certificates are not offered; the plain keys are (use transport: openssh for certificates)',
  pkcs11provider: 'PKCS#11 keys are not used (use transport: openssh)',
  securitykeyprovider: 'FIDO security keys are used only through the agent (use transport: openssh)',
  gssapiauthentication: 'GSSAPI/Kerberos is not used (use transport: openssh)',
  knownhostscommand: 'the command is not run; only known_hosts files are read',
  verifyhostkeydns: 'SSHFP records are not consulted; only known_hosts files are',
  revokedhostkeys: 'the file is not read; @revoked lines in known_hosts are honoured',
  hostkeyalgorithms: 'the ssh2 defaults are offered',
  kexalgorithms: 'the ssh2 defaults are offered',
  ciphers: 'the ssh2 defaults are offered',
  macs: 'the ssh2 defaults are offered',
  pubkeyacceptedalgorithms: 'the ssh2 defaults are offered',
  connectionattempts: 'one connection attempt is made',
  preferredauthentications: 'public keys only (agent and identity files), as in BatchMode',
};

/** The note for a keyword set at `where`, or undefined when the ssh2 transport honours it. */
export function notHonouredNote(keyword: string, where: string, value: string): string | undefined {
  const instead = NOT_HONOURED_BY_SSH2[keyword];
  if (!instead) return undefined;
  if (keyword === 'canonicalizehostname' && ['no', 'false'].includes(value.toLowerCase())) return undefined;
  if (keyword === 'gssapiauthentication' && !['yes', 'true'].includes(value.toLowerCase())) return undefined;
  return `${where}: ${keyword} is not honoured by the ssh2 transport: ${instead}`;
}
