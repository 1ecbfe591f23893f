import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { KanalConfig } from "../../config";
import type { Keys } from "../../lib/crypto";
import { backoffMs } from "../../lib/polling-loop";
import { OutboxWorkerBase, type SendOutcome } from "../../lib/outbox-worker";
import { parseKanalPayload, sentKanalPayload, type KanalBody, type KanalPayload } from "./outbox";
import { sendSms, sendWhatsApp, type ProviderResult, type WhatsAppMessage } from "./providers";
import { REENGAGEMENT, defaultAktif, fromE164Digits, insideWindow, maskPhonesIn, templateParam } from "./rules";

/** The approved templates an office must have in WhatsApp Manager (README "WhatsApp and SMS notices"). */
export const TEMPLATE_PEMBERITAHUAN = "loket_pemberitahuan";
export const TEMPLATE_KODE = "loket_kode_verifikasi";

/** How long a claimed row is reserved: well above one call's 15 s timeout (and a retried template call). */
export const KANAL_LOCK_MS = 60_000;
/**
 * How long a row whose send was interrupted (the process died between calling the provider and recording the
 * answer, or the answer never came) waits for the provider's own word before it is sent again.
 */
export const UNCERTAIN_MS = 10 * 60_000;

export interface KanalWorkerOptions {
  prisma: PrismaClient;
  keys: Keys;
  kanal: KanalConfig;
  log?: (message: string, extra?: unknown) => void;
  pollMs?: number;
  maxAttempts?: number;
  batch?: number;
  lockMs?: number;
  uncertainMs?: number;
  /** base of the retry backoff (5 s by default: 5, 10, 20 s … capped at 1 h) */
  retryBaseMs?: number;
}

type Row = { kind: string; payload: unknown; attempts: number; requestId: string | null; sendingAt: Date | null };
type Extra = { payload: Prisma.InputJsonObject; providerMessageId: string | null; sendingAt: Date | null; attempts: number; nextAttemptAt: Date };

/**
 * Sends the WhatsApp and SMS rows of the Outbox with the claim/send/record loop every outbox shares
 * (lib/outbox-worker.ts): claimed by one conditional UPDATE, retried with backoff, a SENT row never claimed again.
 *
 * "Claimed but not recorded": a claim alone sends nothing, so a row whose claim expired is simply sent. Just
 * before calling the provider the worker writes `sendingAt`; the answer clears it. A row whose claim expired
 * with `sendingAt` still set was in flight when its process died (or the answer never came): the provider may
 * have the message. Such a row is not sent again at once: it waits UNCERTAIN_MS for the provider's word.
 * WhatsApp's status webhook (`sent`/`delivered`/`read`, carrying the row id as `biz_opaque_callback_data`)
 * marks it SENT with its wamid (webhook.ts), and then it is never sent again. Only when no word comes in that
 * time is it sent again (nothing lost), with the same reference; for SMS the reference is `{{ref}}`, which a
 * gateway that de-duplicates by it uses to drop the repeat. A repeat is therefore possible only when the
 * provider accepted a message and never reported it within UNCERTAIN_MS.
 */
export class KanalWorker extends OutboxWorkerBase<Row, Extra> {
  private readonly prisma: PrismaClient;
  private readonly keys: Keys;
  private readonly kanal: KanalConfig;
  private readonly uncertainMs: number;
  private readonly log: (message: string, extra?: unknown) => void;

  constructor(opts: KanalWorkerOptions) {
    const { prisma } = opts;
    const kinds = [...(opts.kanal.whatsapp ? ["WHATSAPP"] : []), ...(opts.kanal.sms ? ["SMS"] : [])];
    // only the configured channels' rows: the others wait (nothing is lost) until their channel is set up
    const where = <W extends object>(w: W) => ({ ...w, kind: { in: kinds } });
    const log = opts.log ?? (() => {});
    const base = opts.retryBaseMs ?? 5_000;
    super({
      name: "Kanal",
      noun: "pesan",
      table: {
        findMany: (a) => prisma.outbox.findMany({ ...a, where: where(a.where) }),
        updateMany: (a) => prisma.outbox.updateMany({ ...a, where: where(a.where) } as Prisma.OutboxUpdateManyArgs),
      },
      lockMs: opts.lockMs ?? KANAL_LOCK_MS,
      maxAttempts: Math.max(1, opts.maxAttempts ?? 8),
      batch: Math.max(1, opts.batch ?? 20),
      pollMs: opts.pollMs ?? 2_000,
      retryDelayMs: (attempts) => backoffMs(attempts, base, 3600_000, Math.random),
      log,
      describeError: (err) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").slice(0, 300),
      logError: maskPhonesIn,
    });
    this.prisma = prisma;
    this.keys = opts.keys;
    this.kanal = opts.kanal;
    this.uncertainMs = opts.uncertainMs ?? UNCERTAIN_MS;
    this.log = log;
  }

  /** Nothing to do unless a channel is configured. */
  override start(): void {
    if (this.kanal.whatsapp || this.kanal.sms) super.start();
  }

  protected override ready(): boolean {
    return !!(this.kanal.whatsapp || this.kanal.sms);
  }

  protected override load(id: string) {
    return this.prisma.outbox.findUnique({ where: { id }, select: { kind: true, payload: true, attempts: true, requestId: true, sendingAt: true } });
  }

  protected override async send(row: Row, id: string, now: Date): Promise<SendOutcome<Extra>> {
    const p = parseKanalPayload(this.keys, id, row.payload);
    if (!p) return { sent: false, final: true, error: "invalid payload", log: "has an invalid payload, marked FAILED" };
    if (row.sendingAt) {
      const until = new Date(row.sendingAt.getTime() + this.uncertainMs);
      if (now < until) {
        return {
          sent: false,
          error: "pengiriman sebelumnya terputus; menunggu status dari penyedia sebelum mengirim ulang",
          extra: { nextAttemptAt: until, attempts: row.attempts, sendingAt: row.sendingAt },
        };
      }
      this.log(`Kanal: pesan ${id} had no word from the provider ${Math.round(this.uncertainMs / 1000)} s after an interrupted send; sending it again`);
    }
    const user = await this.prisma.user.findUnique({
      where: { id: p.userId },
      select: {
        telepon: true,
        teleponTerverifikasi: true,
        waMasukTerakhirAt: true,
        pilihanKanal: p.jenis ? { where: { jenis: p.jenis, kanal: row.kind as "WHATSAPP" | "SMS" }, select: { aktif: true } } : undefined,
      },
    });
    // stopped since it was queued (one tap, or "BERHENTI"): not sent
    const wanted =
      user &&
      (p.jenis === null ||
        ((user.pilihanKanal?.[0]?.aktif ?? defaultAktif(row.kind as "WHATSAPP")) &&
          user.teleponTerverifikasi !== null &&
          fromE164Digits(p.to) === user.teleponTerverifikasi));
    if (!wanted)
      return {
        sent: false,
        final: true,
        error: "dihentikan oleh penerima sebelum terkirim",
        extra: { sendingAt: null },
        log: "was stopped by its recipient, not sent",
      };

    await this.prisma.outbox.updateMany({ where: { id, status: "PENDING" }, data: { sendingAt: new Date() } });
    const result = row.kind === "WHATSAPP" ? await this.whatsapp(p, p.body, id, user.waMasukTerakhirAt, now) : await this.sms(p, p.body, id);
    if (result.ok) return { sent: true, extra: { payload: sentKanalPayload(p), providerMessageId: result.messageId, sendingAt: null } };
    if (result.sent === "unknown") {
      // it may have arrived: wait for the provider's word as after a crash (see the class comment)
      const sendingAt = (await this.prisma.outbox.findUnique({ where: { id }, select: { sendingAt: true } }))?.sendingAt ?? now;
      return {
        sent: false,
        error: `${result.error} (mungkin terkirim)`,
        extra: { sendingAt, nextAttemptAt: new Date(sendingAt.getTime() + this.uncertainMs) },
      };
    }
    if (!result.retry)
      return { sent: false, final: true, error: result.error, extra: { sendingAt: null }, log: `was refused by the provider, marked FAILED (${result.error})` };
    return {
      sent: false,
      error: result.error,
      extra: { sendingAt: null, ...(result.waitMs ? { nextAttemptAt: new Date(Date.now() + result.waitMs) } : {}) },
    };
  }

  private async whatsapp(p: KanalPayload, body: KanalBody, id: string, lastInbound: Date | null, now: Date): Promise<ProviderResult> {
    const cfg = this.kanal.whatsapp!;
    const template: WhatsAppMessage =
      body.tipe === "KODE"
        ? { type: "template", name: TEMPLATE_KODE, params: [body.kode] }
        : { type: "template", name: TEMPLATE_PEMBERITAHUAN, params: [body.judul, body.isi, body.tautan, body.stop].map((v) => templateParam(v)) };
    if (!insideWindow(lastInbound, now)) return sendWhatsApp(cfg, p.to, template, id);
    const text =
      body.tipe === "KODE"
        ? `Kode verifikasi Loket: ${body.kode}. Berlaku 10 menit. Jangan berikan kode ini kepada siapa pun.`
        : `*${body.judul}*\n\n${body.isi}\n\nRincian: ${body.tautan}\n\nTidak ingin menerima pesan WhatsApp dari Loket? Balas BERHENTI atau buka ${body.stop}`;
    const r = await sendWhatsApp(cfg, p.to, { type: "text", body: text }, id);
    // the window closed on Meta's clock before ours: the template is always allowed
    if (!r.ok && r.sent === "no" && r.code === REENGAGEMENT) return sendWhatsApp(cfg, p.to, template, id);
    return r;
  }

  private sms(p: KanalPayload, body: KanalBody, id: string): Promise<ProviderResult> {
    const text =
      body.tipe === "KODE"
        ? `Kode verifikasi Loket: ${body.kode}. Berlaku 10 menit. Jangan berikan kepada siapa pun.`
        : `${body.judul}. ${body.isi} Rincian: ${body.tautan} Berhenti SMS: ${body.stop}`;
    return sendSms(this.kanal.sms!, p.to, text, id);
  }
}
