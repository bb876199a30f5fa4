// A socket's network addresses (`ListenStream=`, `ListenDatagram=`, `ListenSequentialPacket=`;
// systemd.socket(5)), read as systemd 252's socket_address_parse() reads them: a port, `IPv4:port`,
// `[IPv6]:port`, a file system or abstract socket path, or `vsock:CID:PORT`. Only shapes systemd never takes
// are named (a comment after the value, a host name, a relative path, port 0 or above 65535); anything
// else is let through: a miss costs less than a false error.

/** The settings whose value is a socket address. */
const ADDRESS_KEYS = new Set(['ListenStream', 'ListenDatagram', 'ListenSequentialPacket']);
/** Values systemd reads another way, or that a specifier decides: not judged here. */
const OTHER_FORMS = /^([/@%[]|vsock:)/;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

/** What systemd says when it ignores `key=value` for a socket address setting, or undefined. */
export function listenAddressProblem(key: string, value: string): string | undefined {
  if (!ADDRESS_KEYS.has(key)) return undefined;
  const address = value.trim();
  if (OTHER_FORMS.test(address) || !isClearlyInvalid(address)) return undefined;
  return `Failed to parse address value in '${address}', ignoring`;
}

// Shapes no socket address takes; `address` is trimmed and is none of OTHER_FORMS.
function isClearlyInvalid(address: string): boolean {
  if (/\s/.test(address) || address.includes('/')) return true;
  const colon = address.lastIndexOf(':');
  if (colon < 0) return isBadPort(address);
  const host = address.slice(0, colon);
  if (host === '' || host === '*' || /[A-Za-z]/.test(host)) return true;
  return IPV4.test(host) && isBadPort(address.slice(colon + 1));
}

// A decimal port (no leading zero, which would be octal) of 0 or above 65535.
function isBadPort(port: string): boolean {
  if (!/^\+?(0|[1-9]\d*)$/.test(port)) return false;
  const number = Number(port);
  return number === 0 || number > 65535;
}
