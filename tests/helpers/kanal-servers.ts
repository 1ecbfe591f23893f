import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Real HTTP servers on 127.0.0.1 standing in for the WhatsApp Business Cloud API and an SMS gateway, speaking
 * their request and response formats (Graph API `POST /{version}/{phone-number-id}/messages` answered with
 * `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid…" }] }` or a Graph error
 * `{ error: { message, type, code, error_data: { messaging_product, details }, fbtrace_id } }`).
 * A test queues answers (`answer(...)`), stops and restarts a server on the same port, or lets one take a
 * request and never answer ("hang") or drop the connection ("drop").
 */
export type Answer = { status: number; body: unknown; headers?: Record<string, string> } | "hang" | "drop";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

abstract class FakeServer {
  readonly received: Received[] = [];
  private readonly queue: Answer[] = [];
  private server: http.Server | null = null;
  private readonly hanging = new Set<http.ServerResponse>();
  port = 0;
  private waiters: Array<() => void> = [];

  protected abstract ok(req: Received): { status: number; body: unknown } | null;

  /** Answers for the next requests, in order; after them the normal answer. */
  answer(...answers: Answer[]): void {
    this.queue.push(...answers);
  }

  async start(port = this.port): Promise<number> {
    this.server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (d) => (raw += d));
      req.on("end", () => {
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          /* the test sees the raw text */
        }
        const r: Received = { path: req.url ?? "", headers: req.headers, body };
        this.received.push(r);
        for (const w of this.waiters.splice(0)) w();
        const next = this.queue.shift();
        if (next === "hang") {
          this.hanging.add(res);
          return;
        }
        if (next === "drop") {
          req.socket.destroy();
          return;
        }
        const a: { status: number; body: unknown; headers?: Record<string, string> } = next ?? this.ok(r) ?? { status: 500, body: {} };
        res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
        res.end(JSON.stringify(a.body));
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  /** Resolves once `n` requests have arrived in all. */
  async waitFor(n: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < n) {
      if (Date.now() > deadline) throw new Error(`expected ${n} requests, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.socket?.destroy();
    this.hanging.clear();
    const s = this.server;
    this.server = null;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }
}

export class FakeCloudApi extends FakeServer {
  constructor(
    readonly token = `EAAG${randomBytes(12).toString("hex")}`,
    readonly phoneNumberId = "106540352242922",
  ) {
    super();
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/v23.0`;
  }

  protected ok(r: Received) {
    if (r.headers.authorization !== `Bearer ${this.token}`)
      return { status: 401, body: graphError(190, "Error validating access token: Session has expired", "OAuthException") };
    if (r.path !== `/v23.0/${this.phoneNumberId}/messages`) return { status: 400, body: graphError(100, "Unsupported post request.") };
    const b = r.body as { messaging_product?: string; to?: string; type?: string };
    if (b?.messaging_product !== "whatsapp" || !b.to || !["text", "template"].includes(b.type ?? ""))
      return { status: 400, body: graphError(100, "(#100) Invalid parameter") };
    return {
      status: 200,
      body: { messaging_product: "whatsapp", contacts: [{ input: b.to, wa_id: b.to }], messages: [{ id: `wamid.${randomBytes(16).toString("base64url")}` }] },
    };
  }

  /** The wamid the server gave the i-th request (when it answered normally it is not recorded: use messages). */
  static code(r: Received): string | null {
    const b = r.body;
    if (b.type === "template") return b.template.components[0].parameters[0].text;
    return /(\d{6})/.exec(b.text.body)?.[1] ?? null;
  }
}

export function graphError(code: number, message: string, type = "OAuthException", details?: string) {
  return {
    error: {
      message,
      type,
      code,
      error_data: { messaging_product: "whatsapp", details: details ?? message },
      fbtrace_id: randomBytes(8).toString("base64url"),
    },
  };
}

/** A webhook post as Meta sends it, signed with the app secret. */
export async function postWebhook(url: string, appSecret: string, value: Record<string, unknown>, signWith = appSecret): Promise<Response> {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" }, ...value },
          },
        ],
      },
    ],
  });
  const sig = createHmac("sha256", signWith).update(body).digest("hex");
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${sig}` }, body });
}

export function inboundText(from: string, text: string, at = new Date()) {
  return {
    contacts: [{ profile: { name: "Warga" }, wa_id: from }],
    messages: [
      { from, id: `wamid.${randomBytes(12).toString("base64url")}`, timestamp: String(Math.floor(at.getTime() / 1000)), type: "text", text: { body: text } },
    ],
  };
}

export function statusUpdate(wamid: string, ref: string, recipient: string, status = "sent") {
  return {
    statuses: [
      {
        id: wamid,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: recipient,
        biz_opaque_callback_data: ref,
        pricing: { billable: true, pricing_model: "PMP", category: "utility" },
      },
    ],
  };
}

/** An SMS gateway that takes `{ to, message, ref }` with a Bearer key and answers `{ id }`; a repeated ref is not sent twice. */
export class FakeSmsGateway extends FakeServer {
  readonly delivered: Array<{ to: string; message: string; ref: string }> = [];
  private readonly byRef = new Map<string, string>();
  constructor(readonly key = `sk_${randomBytes(8).toString("hex")}`) {
    super();
  }
  get url(): string {
    return `http://127.0.0.1:${this.port}/api/sms/send`;
  }
  protected ok(r: Received) {
    if (r.headers.authorization !== `Bearer ${this.key}`) return { status: 401, body: { status: "error", message: "invalid api key" } };
    const b = r.body as { to?: string; message?: string; ref?: string };
    if (!b?.to || !b.message) return { status: 422, body: { status: "error", message: "to and message are required" } };
    const seen = b.ref ? this.byRef.get(b.ref) : undefined;
    if (seen) return { status: 200, body: { status: "ok", id: seen, duplicate: true } };
    const id = `sms-${this.delivered.length + 1}`;
    this.delivered.push({ to: b.to, message: b.message, ref: b.ref ?? "" });
    if (b.ref) this.byRef.set(b.ref, id);
    return { status: 200, body: { status: "ok", id } };
  }
}
