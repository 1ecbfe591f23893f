import net from "node:net";

/**
 * Which network addresses a webhook may be delivered to (SSRF guard). A webhook URL is chosen by another
 * system; without this a client could make Loket POST to its own loopback services, the office network, or a
 * cloud metadata endpoint (169.254.169.254). Pure: no DNS here (see resolve.ts).
 */

const V4 = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8], // "this network", 0.0.0.0
  ["10.0.0.0", 8], // RFC 1918
  ["100.64.0.0", 10], // carrier-grade NAT (RFC 6598)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // RFC 1918
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // TEST-NET-1
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // RFC 1918
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // TEST-NET-2
  ["203.0.113.0", 24], // TEST-NET-3
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  V4.addSubnet(net4, prefix, "ipv4");
}

const V6 = new net.BlockList();
for (const [net6, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local (ULA)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  V6.addSubnet(net6, prefix, "ipv6");
}

/** The 16 bytes of an IPv6 address (also with an embedded dotted IPv4 tail), or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, "").split("%")[0]!;
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    if (net.isIPv4(tail[1]!) === false) return null;
    const [a, b, c, d] = tail[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const part = (s: string) => (s === "" ? [] : s.split(":"));
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  const bytes: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes.length === 16 ? bytes : null;
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-compatible, NAT64, 6to4), if it does. */
function embeddedIpv4(bytes: number[]): string | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const v4 = (i: number) => bytes.slice(i, i + 4).join(".");
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(12); // ::ffff:a.b.c.d
  if (zero(0, 12) && !zero(12, 16)) return v4(12); // ::a.b.c.d (deprecated compatible form)
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zero(4, 12)) return v4(12); // 64:ff9b::/96
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(2); // 2002::/16 (6to4)
  return null;
}

/**
 * Why an IP address may not receive webhooks, or null when it may (a public unicast address). Anything that
 * is not an IP address at all is refused too.
 */
export function blockedAddressReason(address: string): string | null {
  const plain = address.replace(/^\[|\]$/g, "");
  if (net.isIPv4(plain)) return V4.check(plain, "ipv4") ? `${plain} adalah alamat internal` : null;
  if (!net.isIPv6(plain.split("%")[0]!)) return `${address} bukan alamat IP`;
  const bytes = ipv6Bytes(plain);
  if (!bytes) return `${address} bukan alamat IP`;
  const inner = embeddedIpv4(bytes);
  if (inner && V4.check(inner, "ipv4")) return `${plain} (${inner}) adalah alamat internal`;
  const normal = plain.split("%")[0]!;
  return V6.check(normal, "ipv6") ? `${normal} adalah alamat internal` : null;
}

/** Host names that always mean this machine, whatever DNS says (RFC 6761). */
export function isLocalName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost");
}
