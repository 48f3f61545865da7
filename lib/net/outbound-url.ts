// The SSRF guard for URLs the server calls on someone's behalf (webhook endpoints, media URLs it
// fetches). A URL is checked when it is saved (clear error for the form) and again on every request
// against the address actually connected to, since a name can resolve elsewhere by then (DNS
// rebinding). WEBHOOK_ALLOW_PRIVATE=true lets an administrator (and the tests) reach private addresses.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { promises as dns } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { classifyAddress } from "@/lib/net/ip-address";

export interface OutboundOptions {
  /** Reach private, loopback, ... addresses too (plain http as well). Defaults to WEBHOOK_ALLOW_PRIVATE. */
  allowPrivate?: boolean;
  /** The input field named in errors. */
  field?: string;
}

const allowPrivateDefault = () => env.WEBHOOK_ALLOW_PRIVATE === true;

class BlockedAddressError extends Error {
  constructor(readonly host: string, readonly address: string, readonly kind: string) {
    super(`${host} resolves to ${address}, a ${kind} address that outbound requests may not reach`);
    this.name = "BlockedAddressError";
  }
}

/** Parses and checks a URL before it is stored: https (http only when private targets are allowed), public host. */
export async function checkOutboundUrl(raw: string, options: OutboundOptions = {}): Promise<URL> {
  const field = options.field ?? "url";
  const allowPrivate = options.allowPrivate ?? allowPrivateDefault();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError("BAD_REQUEST", "Enter a full URL such as https://example.com/webhooks", field, "invalid_url");
  }
  const protocols = allowPrivate ? ["https:", "http:"] : ["https:"];
  if (!protocols.includes(url.protocol)) throw new DomainError("BAD_REQUEST", "The URL must start with https://", field, "invalid_url");
  if (url.username || url.password) throw new DomainError("BAD_REQUEST", "The URL must not contain a user name or password", field, "invalid_url");
  if (allowPrivate) return url;

  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new DomainError("BAD_REQUEST", `${url.hostname} could not be resolved`, field, "unresolvable_url");
    }
  }
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== "public") {
      throw new DomainError("BAD_REQUEST", `${url.hostname} is a ${kind} address (${address}): only public addresses can be called`, field, "private_url");
    }
  }
  return url;
}

/**
 * A `lookup` for http(s).request that refuses private addresses as the connection is made. IP
 * literals never reach a lookup function, so callers check those with `assertPublicHost` first.
 */
export function guardedLookup(allowPrivate = allowPrivateDefault()): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, results: LookupAddress[] | string) => {
      if (error) return callback(error, "", 0);
      const list = typeof results === "string" ? [{ address: results, family: isIP(results) }] : results;
      const blocked = allowPrivate ? undefined : list.find((r) => classifyAddress(r.address) !== "public");
      if (blocked) return callback(new BlockedAddressError(hostname, blocked.address, classifyAddress(blocked.address)), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Throws BlockedAddressError when `url`'s host is an IP literal that may not be reached. */
export function assertPublicHost(url: URL, allowPrivate = allowPrivateDefault()): void {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (allowPrivate || !isIP(host)) return;
  const kind = classifyAddress(host);
  if (kind !== "public") throw new BlockedAddressError(url.hostname, host, kind);
}
