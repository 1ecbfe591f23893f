import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";

/** `Outbox.kind` of an email row. Other kinds (webhooks) may share the table later. */
export const EMAIL_KIND = "EMAIL";

/** Why the email is sent; kept in the row and sent as a header so operators can filter. */
export type EmailKategori =
  | "STATUS_PENGAJUAN"
  | "STATUS_PENGADUAN"
  | "STATUS_PERMOHONAN_INFORMASI"
  | "STATUS_AKUN"
  | "VERIFIKASI_EMAIL"
  | "RESET_PASSWORD";

export interface EmailMessage {
  /** one recipient address */
  to: string;
  subject: string;
  text: string;
  html?: string;
  kategori: EmailKategori;
}

type Tx = Pick<Prisma.TransactionClient, "outbox">;

// deliberately loose: the server checks addresses when users enter them; this only stops obvious bugs
// (an empty address, a list, header injection) from reaching the queue
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/**
 * The outbox row of an email, for a caller that writes it with other rows in one statement. Throws on an
 * unusable address: check that the user has an email before calling.
 */
export function emailRow(message: EmailMessage) {
  const payload = validate(message);
  if (!payload) throw new Error("enqueueEmail: recipient, subject and text are required (one address, no line breaks)");
  return {
    id: randomUUID(),
    kind: EMAIL_KIND,
    payload: payload as unknown as Prisma.InputJsonObject,
    // the application clock, not the database's: the worker compares against its own clock
    nextAttemptAt: new Date(),
  };
}

/**
 * Queue an email inside the caller's transaction, so the business change and the email commit together or
 * not at all. Call `OutboxWorker.kick()` after the transaction commits. Returns the outbox row id, which is
 * also the email's Message-ID (`<id@loket>`).
 *
 * Throws on an unusable address: check that the user has an email before calling.
 */
export async function enqueueEmail(tx: Tx, message: EmailMessage): Promise<string> {
  const row = emailRow(message);
  await tx.outbox.create({ data: row, select: { id: true } });
  return row.id;
}

/** The stored payload as an email, or null if it is not one (the worker then fails the row). */
export function parseEmailPayload(value: unknown): EmailMessage | null {
  return validate(value as EmailMessage);
}

function validate(m: EmailMessage | null | undefined): EmailMessage | null {
  if (!m || typeof m !== "object") return null;
  const { to, subject, text, html, kategori } = m;
  if (typeof to !== "string" || !ADDRESS.test(to.trim())) return null;
  if (typeof subject !== "string" || !subject.trim() || /[\r\n]/.test(subject)) return null;
  if (typeof text !== "string" || !text) return null;
  if (html !== undefined && html !== null && typeof html !== "string") return null;
  if (typeof kategori !== "string" || !kategori) return null;
  return { to: to.trim(), subject, text, ...(html ? { html } : {}), kategori };
}
