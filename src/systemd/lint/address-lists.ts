// `IPAddressAllow=` and `IPAddressDeny=` (systemd.resource-control(5)), read as systemd 252 reads them:
// whitespace-separated IPv4 or IPv6 addresses with an optional prefix length, or the words `any`,
// `localhost`, `link-local` and `multicast`. Host names, commas and comments are refused; an IPv6 address
// is not parsed further than its characters: a miss costs less than a false error.

const KEYWORDS = new Set(['any', 'localhost', 'link-local', 'multicast']);
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,3}))?$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(\/(\d{1,3}))?$/;

/** What systemd says when it ignores a word of `IPAddressAllow=`/`IPAddressDeny=`, or undefined. */
export function addressListProblem(key: string, value: string): string | undefined {
  if (key !== 'IPAddressAllow' && key !== 'IPAddressDeny') return undefined;
  const bad = value
    .trim()
    .split(/\s+/)
    .find((word) => word !== '' && !isAddressPrefix(word));
  return bad === undefined ? undefined : `Address prefix is invalid, ignoring assignment: ${bad}`;
}

// A keyword, an IPv4 address (octets up to 255, prefix up to 32), or what may be an IPv6 one (its characters,
// prefix up to 128). A word with no colon is IPv4 or nothing.
function isAddressPrefix(word: string): boolean {
  if (KEYWORDS.has(word)) return true;
  const ipv4 = IPV4.exec(word);
  if (ipv4) return ipv4.slice(1, 5).every((octet) => Number(octet) <= 255) && Number(ipv4[6] ?? 0) <= 32;
  const ipv6 = IPV6.exec(word);
  return ipv6 !== null && Number(ipv6[2] ?? 0) <= 128;
}
