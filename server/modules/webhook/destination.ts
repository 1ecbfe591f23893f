import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { blockedAddressReason, isLocalName } from "./address";

/**
 * Where a webhook goes on the network, checked twice: when a URL is registered, and again for every attempt
 * (a name may resolve elsewhere later: DNS rebinding). The attempt then connects to the very address that was
 * checked; TLS still verifies the certificate against the host name.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

const systemLookup: Lookup = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export type DestinationCheck =
  /** addresses: what to connect to (null: whatever the system resolves, when internal addresses are allowed) */
  | { ok: true; addresses: ResolvedAddress[] | null }
  /** blocked: an internal address; otherwise the name could not be resolved */
  | { ok: false; blocked: boolean; reason: string };

export interface DestinationOptions {
  /** WEBHOOK_ALLOW_PRIVATE: no address checks at all */
  allowPrivate: boolean;
  lookup?: Lookup;
  timeoutMs?: number;
}

/** Every address the URL's host resolves to must be a public one (one internal address is enough to refuse). */
export async function checkDestination(url: URL, opts: DestinationOptions): Promise<DestinationCheck> {
  if (opts.allowPrivate) return { ok: true, addresses: null };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const family = net.isIP(host);
  if (family !== 0) {
    const reason = blockedAddressReason(host);
    return reason ? { ok: false, blocked: true, reason } : { ok: true, addresses: [{ address: host, family: family === 6 ? 6 : 4 }] };
  }
  if (isLocalName(host)) return { ok: false, blocked: true, reason: `${host} adalah mesin ini` };
  let addresses: ResolvedAddress[];
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = opts.timeoutMs ?? 5_000;
    addresses = await Promise.race([
      (opts.lookup ?? systemLookup)(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`DNS tidak menjawab dalam ${timeoutMs} ms`), { code: "ETIMEOUT" })), timeoutMs);
      }),
    ]);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { ok: false, blocked: false, reason: `nama ${host} tidak dapat di-resolve${typeof code === "string" ? ` (${code})` : ""}` };
  } finally {
    clearTimeout(timer);
  }
  if (addresses.length === 0) return { ok: false, blocked: false, reason: `nama ${host} tidak punya alamat` };
  for (const a of addresses) {
    const reason = blockedAddressReason(a.address);
    if (reason) return { ok: false, blocked: true, reason: `${host} → ${reason}` };
  }
  return { ok: true, addresses };
}

export interface PostOutcome {
  status: number;
  /** the start of a non-2xx answer's body */
  answer: string;
}

/**
 * POSTs `body` to `url`, connecting to `pinned` when given (the checked address) instead of resolving the name
 * again. Redirects are not followed; the whole attempt (connect, send, answer) is bounded by `timeoutMs`; of an
 * answer only the status and the first bytes of an error body are read.
 */
export function postToDestination(
  url: URL,
  opts: { headers: Record<string, string>; body: string; timeoutMs: number; pinned: ResolvedAddress | null },
): Promise<PostOutcome> {
  const { pinned } = opts;
  const lookup: net.LookupFunction | undefined = pinned
    ? (_hostname, options, callback) => {
        if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
        else callback(null, pinned.address, pinned.family);
      }
    : undefined;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<PostOutcome>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = client.request(url, {
      method: "POST",
      headers: { ...opts.headers, "content-length": String(Buffer.byteLength(opts.body)) },
      // a new connection per attempt: a pooled socket would skip the address check
      agent: false,
      ...(lookup ? { lookup } : {}),
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on("error", (err) => finish(() => reject(err)));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        res.destroy();
        finish(() => resolve({ status, answer: "" }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        res.destroy();
        finish(() => resolve({ status, answer: Buffer.concat(chunks).subarray(0, 512).toString("utf8").slice(0, 200) }));
      };
      res.on("data", (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (size >= 512) done();
      });
      res.on("end", done);
      res.on("error", done);
    });
    req.end(opts.body);
  });
}
