import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Config, TrustProxy } from '../config.ts';

/** Said to a request naming a host this server does not answer for (a DNS-rebinding page, a stray name). */
export const HOST_REFUSED = 'this server does not answer for this host name; set PUBLIC_URL or ALLOWED_HOSTS';
export const ORIGIN_REFUSED = 'a page from another origin may not use this server; set PUBLIC_URL or ALLOWED_ORIGINS';

/** Fastify's trustProxy function: may the hop `hop` steps from us, at `address`, speak for the client? */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * Which host names this server answers for, which pages may open sockets or post to it, and who the client is.
 * The same rules for HTTP (Fastify) and the Socket.IO handshake, both read from the raw Node request.
 */
export interface OriginPolicy {
  readonly trust: ProxyTrust;
  /** The request's host (name[:port]) when this server answers for it; null refuses the request (DNS rebinding). */
  hostOf(req: IncomingMessage): string | null;
  schemeOf(req: IncomingMessage): 'http' | 'https';
  /** The client's address: the peer's, or the forwarded one when the peer is a trusted proxy. */
  ipOf(req: IncomingMessage): string;
  /** Scheme, host and port equal to PUBLIC_URL's or ALLOWED_ORIGINS'; without PUBLIC_URL, also the request's own. */
  originAllowed(origin: string, req: IncomingMessage): boolean;
  /** Where phones reach us, for links and the QR code: PUBLIC_URL, else the validated host. */
  baseUrl(req: IncomingMessage): string | null;
}

export function originPolicy(config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'allowedHosts' | 'trustProxy'>): OriginPolicy {
  const trust = proxyTrust(config.trustProxy);
  const publicUrl = config.publicUrl ? new URL(config.publicUrl) : null;
  const hosts = new Set(config.allowedHosts.map((h) => h.toLowerCase()));
  if (publicUrl) hosts.add(publicUrl.hostname.toLowerCase());
  const origins = new Set(config.allowedOrigins.map((o) => new URL(o).origin));
  if (publicUrl) origins.add(publicUrl.origin);

  const peerTrusted = (req: IncomingMessage) => trust(req.socket.remoteAddress ?? '', 0);
  const forwarded = (req: IncomingMessage, name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' && peerTrusted(req) ? lastEntry(value) : undefined;
  };

  const hostOf = (req: IncomingMessage): string | null => {
    const host = forwarded(req, 'x-forwarded-host') ?? req.headers.host;
    if (!host) return null;
    const name = hostnameOf(host);
    return name !== null && (hosts.has(name) || alwaysAllowed(name)) ? host : null;
  };
  const schemeOf = (req: IncomingMessage): 'http' | 'https' => {
    const proto = forwarded(req, 'x-forwarded-proto');
    if (proto === 'http' || proto === 'https') return proto;
    return 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http';
  };

  return {
    trust,
    hostOf,
    schemeOf,
    ipOf: (req) => clientAddress(req, trust),
    originAllowed(origin, req) {
      const normalised = originOf(origin);
      if (normalised === null) return false;
      if (origins.has(normalised)) return true;
      if (publicUrl) return false;
      const host = hostOf(req);
      return host !== null && originOf(`${schemeOf(req)}://${host}`) === normalised;
    },
    baseUrl(req) {
      if (config.publicUrl) return config.publicUrl;
      const host = hostOf(req);
      return host ? `${schemeOf(req)}://${host}` : null;
    },
  };
}

/** IP literals and loopback names cannot be rebound by someone else's DNS: a phone on http://192.168.1.10:3000 works. */
function alwaysAllowed(hostname: string): boolean {
  return isIP(hostname.replace(/^\[|\]$/g, '')) !== 0 || hostname === 'localhost' || hostname.endsWith('.localhost');
}

/** The lower-case name of a Host header (`name`, `name:port`, `[v6]:port`), or null when it is not one. */
export function hostnameOf(host: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.?)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m?.[1]) return null;
  return m[1].toLowerCase().replace(/\.$/, '');
}

function originOf(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

const lastEntry = (value: string) => value.split(',').at(-1)?.trim() ?? '';

/** As Fastify (proxy-addr) computes `req.ip`: walk X-Forwarded-For from the nearest hop while hops are trusted. */
function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  const peer = req.socket.remoteAddress ?? '';
  const header = req.headers['x-forwarded-for'];
  const chain = [
    peer,
    ...(typeof header === 'string'
      ? header
          .split(',')
          .map((a) => a.trim())
          .reverse()
      : []),
  ];
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!trust(chain[hop] ?? '', hop)) return chain[hop] ?? peer;
  }
  return chain.at(-1) ?? peer;
}

export function proxyTrust(setting: TrustProxy): ProxyTrust {
  if (setting === false) return () => false;
  if (setting === true) return () => true;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  const trusted = new BlockList();
  for (const entry of setting) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, Number(prefix), type);
  }
  return (raw) => {
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
    const address = raw.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}
