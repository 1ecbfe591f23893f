import { createHmac } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import type { Services } from "../../context";
import { safeEqual } from "../../lib/crypto";
import { fromE164Digits, isStopWord, maskPhone } from "./rules";
import { stopChannel } from "./service";
import { sentKanalPayload } from "./outbox";
import { JENIS } from "./rules";

export const WHATSAPP_WEBHOOK_PATH = "/kanal/whatsapp";

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>` */
export function validSignature(appSecret: string, raw: string, header: string | null): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", appSecret).update(raw, "utf8").digest("hex");
  return safeEqual(header.slice(7).toLowerCase(), expected);
}

interface WebhookBody {
  object?: string;
  entry?: Array<{
    changes?: Array<{
      field?: string;
      value?: {
        messages?: Array<{ from?: string; id?: string; timestamp?: string; type?: string; text?: { body?: string }; button?: { text?: string } }>;
        statuses?: Array<{
          id?: string;
          status?: string;
          timestamp?: string;
          recipient_id?: string;
          biz_opaque_callback_data?: string;
          errors?: Array<{ code?: number; title?: string; message?: string }>;
        }>;
      };
    }>;
  }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The WhatsApp Cloud API's webhook (configure `${PUBLIC_URL}/kanal/whatsapp` in the Meta app, field `messages`):
 * - GET: the verify-token handshake (`hub.mode=subscribe`, `hub.verify_token`, answered with `hub.challenge`);
 * - POST: only when `X-Hub-Signature-256` is the app secret's HMAC of the raw body (401 otherwise). Inbound
 *   messages open the 24-hour window for their sender; "STOP"/"BERHENTI" stops WhatsApp notices for the
 *   accounts verified with that number. Status updates record the wamid of our rows and mark a row SENT that
 *   a dead process had handed over without recording (worker.ts).
 * Answers 404 while WhatsApp is not configured.
 */
export function useWhatsAppWebhook(services: Services, log: (message: string, extra?: unknown) => void): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== WHATSAPP_WEBHOOK_PATH) return;
      const cfg = services.config.kanal.whatsapp;
      const text = (status: number, body: string) =>
        endResponse(new fetchAPI.Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } }));
      if (!cfg) return text(404, "Not Found\n");
      if (request.method === "GET") {
        const q = url.searchParams;
        if (q.get("hub.mode") === "subscribe" && safeEqual(q.get("hub.verify_token") ?? "", cfg.verifyToken)) return text(200, q.get("hub.challenge") ?? "");
        return text(403, "Forbidden\n");
      }
      if (request.method !== "POST") return text(405, "Method Not Allowed\n");
      const raw = await request.text();
      if (!validSignature(cfg.appSecret, raw, request.headers.get("x-hub-signature-256"))) {
        log("WhatsApp webhook: refused a post without a valid X-Hub-Signature-256");
        return text(401, "Unauthorized\n");
      }
      let body: WebhookBody;
      try {
        body = JSON.parse(raw) as WebhookBody;
      } catch {
        return text(400, "Bad Request\n");
      }
      // an error here is answered 500: Meta delivers the post again later
      await handle(services, body, log);
      return text(200, "OK\n");
    },
  };
}

async function handle(services: Services, body: WebhookBody, log: (message: string, extra?: unknown) => void): Promise<void> {
  const prisma = services.db.prisma;
  for (const entry of body.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const value = change.value ?? {};
      for (const m of value.messages ?? []) {
        if (!m.from) continue;
        const telepon = fromE164Digits(m.from);
        const at = m.timestamp && /^\d+$/.test(m.timestamp) ? new Date(Number(m.timestamp) * 1000) : new Date();
        const users = await prisma.user.findMany({ where: { teleponTerverifikasi: telepon }, select: { id: true, waMasukTerakhirAt: true } });
        for (const u of users) {
          if (!u.waMasukTerakhirAt || u.waMasukTerakhirAt < at) await prisma.user.update({ where: { id: u.id }, data: { waMasukTerakhirAt: at } });
          const words = m.text?.body ?? m.button?.text ?? "";
          if (isStopWord(words)) {
            await stopChannel(prisma, u.id, "WHATSAPP");
            log(`WhatsApp: ${maskPhone(telepon)} asked to stop; WhatsApp notices stopped for its account`);
          }
        }
      }
      for (const s of value.statuses ?? []) {
        if (!s.id || !s.status) continue;
        const ref = s.biz_opaque_callback_data && UUID.test(s.biz_opaque_callback_data) ? s.biz_opaque_callback_data : null;
        if (s.status === "failed") {
          const error = `status failed: ${(s.errors ?? []).map((e) => `#${e.code ?? "?"} ${e.title ?? e.message ?? ""}`).join("; ")}`.slice(0, 300);
          await prisma.outbox.updateMany({ where: ref ? { id: ref, kind: "WHATSAPP" } : { providerMessageId: s.id }, data: { lastError: error } });
          continue;
        }
        if (!ref || !["sent", "delivered", "read"].includes(s.status)) continue;
        // the provider has it: a row still PENDING (its sender died before recording) is SENT now, never sent again
        const row = await prisma.outbox.findFirst({ where: { id: ref, kind: "WHATSAPP", status: { not: "SENT" } }, select: { payload: true } });
        if (!row) continue;
        const p = row.payload as { to?: string; userId?: string; jenis?: string | null };
        const jenis = (JENIS as readonly string[]).includes(p.jenis ?? "") ? (p.jenis as (typeof JENIS)[number]) : null;
        const done = await prisma.outbox.updateMany({
          where: { id: ref, status: { not: "SENT" } },
          data: {
            status: "SENT",
            sentAt: s.timestamp && /^\d+$/.test(s.timestamp) ? new Date(Number(s.timestamp) * 1000) : new Date(),
            providerMessageId: s.id,
            sendingAt: null,
            lockedUntil: null,
            lastError: null,
            payload: sentKanalPayload({ to: p.to ?? "", userId: p.userId ?? "", jenis }),
          },
        });
        if (done.count) log(`Kanal: pesan ${ref} confirmed by WhatsApp's status webhook (${s.status}); marked SENT`);
      }
    }
  }
}
