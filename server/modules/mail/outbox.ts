import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import { decrypt, encrypt, type Keys } from "../../lib/crypto";
import { currentRequestId } from "../../logger";

/** `Outbox.kind` of an email row. Other kinds (webhooks) may share the table later. */
export const EMAIL_KIND = "EMAIL";

/** Why the email is sent; kept in the row and sent as a header so operators can filter. */
export type EmailKategori =
  | "STATUS_PENGAJUAN"
  | "STATUS_PENGADUAN"
  | "STATUS_PERMOHONAN_INFORMASI"
  | "STATUS_AKUN"
  | "VERIFIKASI_EMAIL"
  | "RESET_PASSWORD"
  | "KUNJUNGAN"
  | "PELATIHAN";

export interface EmailMessage {
  /** one recipient address */
  to: string;
  subject: string;
  text: string;
  html?: string;
  kategori: EmailKategori;
  /** an iCalendar invitation (text/calendar, RFC 5545) sent with the mail: a visit's date in the person's calendar */
  ics?: string;
}

type Tx = Pick<Prisma.TransactionClient, "outbox">;

// deliberately loose: the server checks addresses when users enter them; this only stops obvious bugs
// (an empty address, a list, header injection) from reaching the queue
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

export interface EnqueueOptions {
  /**
   * The body carries a secret (a one-time link): it is stored encrypted with these keys (AES-256-GCM, bound to
   * the row id) and only the worker, which holds the same keys, reads it. Once sent, every body is erased.
   */
  seal?: Keys;
}

/** Stored form of a sealed body: `{ to, subject, kategori, tersegel: "v1.…" }`. */
const sealAad = (id: string) => `outbox:${id}:body`;

/**
 * The outbox row of an email, for a caller that writes it with other rows in one statement. Throws on an
 * unusable address: check that the user has an email before calling.
 */
export function emailRow(message: EmailMessage, opts: EnqueueOptions = {}) {
  const payload = validate(message);
  if (!payload) throw new Error("enqueueEmail: recipient, subject and text are required (one address, no line breaks)");
  const id = randomUUID();
  const stored = opts.seal
    ? {
        to: payload.to,
        subject: payload.subject,
        kategori: payload.kategori,
        tersegel: encrypt(opts.seal, JSON.stringify({ text: payload.text, html: payload.html ?? null }), sealAad(id)),
      }
    : payload;
  return {
    id,
    kind: EMAIL_KIND,
    payload: stored as unknown as Prisma.InputJsonObject,
    // the application clock, not the database's: the worker compares against its own clock
    nextAttemptAt: new Date(),
    // the worker's line about this email carries the id of the request that queued it
    requestId: currentRequestId() ?? undefined,
  };
}

/**
 * Queue an email inside the caller's transaction, so the business change and the email commit together or
 * not at all. Call `OutboxWorker.kick()` after the transaction commits. Returns the outbox row id, which is
 * also the email's Message-ID (`<id@loket>`).
 *
 * Throws on an unusable address: check that the user has an email before calling.
 */
export async function enqueueEmail(tx: Tx, message: EmailMessage, opts: EnqueueOptions = {}): Promise<string> {
  const row = emailRow(message, opts);
  await tx.outbox.create({ data: row, select: { id: true } });
  return row.id;
}

/**
 * The stored payload as an email, or null if it is not one (the worker then fails the row). A sealed body is
 * opened with `keys` (null without them, or when they do not open it).
 */
export function parseEmailPayload(value: unknown, id?: string, keys?: Keys): EmailMessage | null {
  const v = value as (EmailMessage & { tersegel?: unknown }) | null;
  if (v && typeof v === "object" && typeof v.tersegel === "string") {
    if (!keys || !id) return null;
    try {
      const body = JSON.parse(decrypt(keys, v.tersegel, sealAad(id))) as { text: string; html: string | null };
      return validate({ to: v.to, subject: v.subject, kategori: v.kategori, text: body.text, ...(body.html ? { html: body.html } : {}) });
    } catch {
      return null;
    }
  }
  return validate(v as EmailMessage);
}

/** What a row keeps once its email is sent: who, what about, why; not the body (links, tokens, case details). */
export function sentPayload(message: EmailMessage): Prisma.InputJsonObject {
  return { to: message.to, subject: message.subject, kategori: message.kategori, isi: "[dihapus setelah terkirim]" };
}

function validate(m: EmailMessage | null | undefined): EmailMessage | null {
  if (!m || typeof m !== "object") return null;
  const { to, subject, text, html, kategori, ics } = m;
  if (typeof to !== "string" || !ADDRESS.test(to.trim())) return null;
  if (typeof subject !== "string" || !subject.trim() || /[\r\n]/.test(subject)) return null;
  if (typeof text !== "string" || !text) return null;
  if (html !== undefined && html !== null && typeof html !== "string") return null;
  if (typeof kategori !== "string" || !kategori) return null;
  if (ics !== undefined && ics !== null && (typeof ics !== "string" || !ics.startsWith("BEGIN:VCALENDAR"))) return null;
  return { to: to.trim(), subject, text, ...(html ? { html } : {}), kategori, ...(ics ? { ics } : {}) };
}
