import { BlockList, isIP } from "node:net";

/**
 * Who is on the other end of a request, decided by the server from the socket, never from what
 * the client says. X-Forwarded-For and X-Forwarded-Proto are believed only from proxies the
 * operator declared in FACTMARK_TRUSTED_PROXIES (addresses or CIDRs, comma-separated), and
 * only the hops those proxies appended: reading right to left, the first address that is not a
 * trusted proxy is the client.
 */
export type TrustedProxies = { contains: (address: string) => boolean; empty: boolean };

/** Parses "10.0.0.0/8, 192.168.1.7, ::1"; throws with the offending entry on nonsense. */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (spec ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || rest.length || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`FACTMARK_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return {
    empty: entries.length === 0,
    contains: (raw) => {
      const address = normalizeAddress(raw);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** "::ffff:10.1.2.3" (an IPv4 peer on a dual-stack socket) → "10.1.2.3"; "[::1]:80" is not accepted. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/** `proxied`: the request came through a trusted proxy, so its forwarded headers may stand. */
export type ClientInfo = { address: string; https: boolean; proxied: boolean };

/**
 * The client's address and whether it reached us over https. `peer` is the socket's remote
 * address, `encrypted` whether that socket is TLS; the headers count only when `peer` is a
 * trusted proxy.
 */
export function resolveClient(options: {
  peer: string | undefined;
  encrypted: boolean;
  forwardedFor: string | string[] | undefined;
  forwardedProto: string | string[] | undefined;
  trusted: TrustedProxies;
}): ClientInfo {
  const peer = normalizeAddress(options.peer ?? "unknown");
  if (!options.trusted.contains(peer)) return { address: peer, https: options.encrypted, proxied: false };
  const hops = [options.forwardedFor].flat().join(",").split(",").map(normalizeAddress).filter(Boolean);
  let address = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i];
    if (!isIP(address) || !options.trusted.contains(address)) break;
  }
  if (!isIP(address)) address = peer; // a malformed hop is the client's own invention
  // The nearest proxy's word on the scheme: proxies that overwrite leave one value, those that append put theirs last.
  const proto = [options.forwardedProto].flat().join(",").split(",").pop()?.trim().toLowerCase();
  return { address, https: proto ? proto === "https" : options.encrypted, proxied: true };
}
