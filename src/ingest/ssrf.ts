// The address guard: a fetch for a news page must never reach the machine it runs on or its network.
//
// Addresses are judged after DNS resolution, inside the socket's own `lookup`, so the address that is
// checked is the address that is connected to (a DNS-rebinding host cannot answer one thing to a
// pre-check and another to the connect). IP literals never go through `lookup`, so the fetcher also
// checks the URL's host itself, on every hop.

import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';
import { MarsadError } from '../doc/diagnostics.js';

export interface AddressClass {
  /** The address in its canonical spelling. */
  address: string;
  family: 4 | 6;
  /** ipaddr.js's range name; for IPv6 forms that carry an IPv4 address, the range of that address. */
  range: string;
  refused: boolean;
}

// Only ordinary public unicast is allowed. Everything else — loopback, private, link-local (cloud
// metadata lives at 169.254.169.254), multicast, unspecified, carrier-grade NAT, reserved and
// documentation ranges — is refused.
const ALLOWED_RANGES = new Set(['unicast']);

/**
 * Parse an IP address in any spelling a URL host or a resolver may produce: dotted quad, a single
 * decimal (2130706433), octal or hex parts (0177.0.0.1, 0x7f.0.0.1), short forms (127.1), and IPv6
 * with or without brackets or a zone. Returns null for anything that is not an address.
 */
export function parseIp(input: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let s = input.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s === '') return null;
  try {
    return ipaddr.parse(s);
  } catch {
    return null;
  }
}

/** The IPv4 address an IPv6 address carries, for the forms that route to it; null otherwise. */
function embeddedIpv4(a: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = a.parts;
  const range = a.range();
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (RFC 6145), 64:ff9b::a.b.c.d (NAT64, RFC 6052)
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') {
    return new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  }
  // 2002:AABB:CCDD::/48 (6to4) tunnels to AA.BB.CC.DD
  if (range === '6to4') return new ipaddr.IPv4([p[1] >> 8, p[1] & 0xff, p[2] >> 8, p[2] & 0xff]);
  // ::a.b.c.d, the deprecated IPv4-compatible form; some stacks still route it to the IPv4 address
  if (p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 && (p[6] !== 0 || p[7] > 1)) {
    return new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  }
  return null;
}

/** Classify an address; null when `input` is not an IP address. */
export function classifyAddress(input: string): AddressClass | null {
  const a = parseIp(input);
  if (!a) return null;
  if (a.kind() === 'ipv4') {
    const range = (a as ipaddr.IPv4).range();
    return { address: a.toString(), family: 4, range, refused: !ALLOWED_RANGES.has(range) };
  }
  const v6 = a as ipaddr.IPv6;
  const inner = embeddedIpv4(v6);
  const range = inner ? inner.range() : v6.range();
  return { address: v6.toString(), family: 6, range, refused: !ALLOWED_RANGES.has(range) };
}

/** True when the guard refuses this address. A string that is not an address is refused too. */
export function isRefusedAddress(ip: string): boolean {
  return classifyAddress(ip)?.refused ?? true;
}

export interface GuardOptions {
  /** Let private and loopback addresses through (tests, a local mirror). Default false. */
  allowPrivate?: boolean;
  /** Host names or IP literals exempt from the guard, e.g. a feed mirror on the LAN. */
  allowHosts?: readonly string[];
}

function exempt(host: string, opts: GuardOptions): boolean {
  if (opts.allowPrivate) return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (opts.allowHosts ?? []).some((a) => a.toLowerCase().replace(/^\[|\]$/g, '') === h);
}

/**
 * Check a URL's host before connecting. Only IP literals can be judged here (a name is judged after
 * resolution by the guarded lookup). Throws FETCH_REFUSED_ADDRESS.
 */
export function assertHostAllowed(url: URL, opts: GuardOptions = {}): void {
  if (exempt(url.hostname, opts)) return;
  const c = classifyAddress(url.hostname);
  if (c?.refused) throw new MarsadError('FETCH_REFUSED_ADDRESS', `${url.href} (${c.address}, ${c.range})`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `dns.lookup` replacement that refuses a host if any address it resolves to is refused. */
export function guardedLookup(opts: GuardOptions = {}) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      // Refuse the whole host when any answer is refused: a rebinding resolver mixes answers.
      if (!exempt(hostname, opts)) {
        const bad = addresses.map((a) => classifyAddress(a.address)).find((c) => c?.refused ?? true);
        if (bad) return callback(new MarsadError('FETCH_REFUSED_ADDRESS', `${hostname} resolves to ${bad.address} (${bad.range})`), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      callback(null, first.address, first.family);
    });
  };
}

/** An undici dispatcher whose every new connection goes through the guarded lookup. */
export function guardedAgent(opts: GuardOptions & { connectTimeoutMs?: number } = {}): Agent {
  return new Agent({
    connect: { lookup: guardedLookup(opts), timeout: opts.connectTimeoutMs ?? 10_000 },
  });
}
