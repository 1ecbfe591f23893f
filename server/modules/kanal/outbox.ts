import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import type { KanalConfig } from "../../config";
import { decrypt, encrypt, type Keys } from "../../lib/crypto";
import { currentRequestId } from "../../logger";
import { defaultAktif, maskPhone, stopToken, toE164Digits, type Jenis, type KanalTelepon } from "./rules";

/** `Outbox.kind` of the phone channels (email rows are "EMAIL": mail/outbox.ts). */
export const KANAL_KINDS = ["WHATSAPP", "SMS"] as const satisfies readonly KanalTelepon[];

/** What a notice says on a phone: the same words as the in-app notification, the case's link, the stop link. */
export interface Pemberitahuan {
  judul: string;
  isi: string;
  /** the case's page (the document link of a status change) */
  tautan: string;
}

/** A row's body once opened: a notice, or a one-time code. */
export type KanalBody = ({ tipe: "PEMBERITAHUAN"; stop: string } & Pemberitahuan) | { tipe: "KODE"; kode: string };

export interface KanalPayload {
  /** 628… */
  to: string;
  userId: string;
  /** null for a one-time code (sent whatever the person chose) */
  jenis: Jenis | null;
  /** the body, sealed (AES-256-GCM bound to the row id): it carries case details or a code */
  tersegel: string;
}

type Tx = Pick<Prisma.TransactionClient, "user" | "pilihanKanal">;
const aad = (id: string) => `outbox:${id}:kanal`;

/** The Outbox row of one phone message (written in the caller's transaction). */
export function kanalRow(keys: Keys, kind: KanalTelepon, p: { to: string; userId: string; jenis: Jenis | null; body: KanalBody }) {
  const id = randomUUID();
  const payload: KanalPayload = { to: toE164Digits(p.to), userId: p.userId, jenis: p.jenis, tersegel: encrypt(keys, JSON.stringify(p.body), aad(id)) };
  return {
    id,
    kind,
    payload: payload as unknown as Prisma.InputJsonObject,
    nextAttemptAt: new Date(),
    requestId: currentRequestId() ?? undefined,
  };
}

export function parseKanalPayload(keys: Keys | undefined, id: string, value: unknown): (KanalPayload & { body: KanalBody }) | null {
  const v = value as KanalPayload | null;
  if (!v || typeof v !== "object" || typeof v.to !== "string" || !/^\d{8,16}$/.test(v.to) || typeof v.tersegel !== "string" || !keys) return null;
  try {
    const body = JSON.parse(decrypt(keys, v.tersegel, aad(id))) as KanalBody;
    if (body.tipe !== "PEMBERITAHUAN" && body.tipe !== "KODE") return null;
    return { ...v, body };
  } catch {
    return null;
  }
}

/** What a row keeps once sent: the masked number and the kind, not the words or the code. */
export function sentKanalPayload(p: { to: string; userId: string; jenis: Jenis | null }): Prisma.InputJsonObject {
  return { to: maskPhone(p.to), userId: p.userId, jenis: p.jenis, isi: "[dihapus setelah terkirim]" };
}

export interface Penerima {
  /** whether the person wants this kind by email (default yes) */
  email: boolean;
  /** the rows for their phone channels (none unless configured, chosen and the number verified) */
  rows: ReturnType<typeof kanalRow>[];
}

/**
 * Which channels a notice of `jenis` goes to for `userId`, read in the caller's transaction, and the phone
 * rows to write with it. WhatsApp and SMS need the channel configured, chosen for this kind, and the
 * current number verified (a changed number is not the verified one).
 */
export async function penerima(
  tx: Tx,
  deps: { keys: Keys; kanal: KanalConfig; publicUrl: string },
  userId: string,
  jenis: Jenis,
  notice: Pemberitahuan,
): Promise<Penerima> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { telepon: true, teleponTerverifikasi: true, pilihanKanal: { where: { jenis }, select: { kanal: true, aktif: true } } },
  });
  if (!user) return { email: false, rows: [] };
  const chosen = (k: "EMAIL" | KanalTelepon) => user.pilihanKanal.find((p) => p.kanal === k)?.aktif ?? defaultAktif(k);
  const verified = user.teleponTerverifikasi !== null && user.teleponTerverifikasi === user.telepon;
  const rows: ReturnType<typeof kanalRow>[] = [];
  for (const kanal of KANAL_KINDS) {
    if (!deps.kanal[kanal === "WHATSAPP" ? "whatsapp" : "sms"] || !verified || !chosen(kanal)) continue;
    const stop = `${deps.publicUrl}/berhenti/${stopToken(deps.keys, userId, kanal)}`;
    rows.push(kanalRow(deps.keys, kanal, { to: user.telepon, userId, jenis, body: { tipe: "PEMBERITAHUAN", ...notice, stop } }));
  }
  return { email: chosen("EMAIL"), rows };
}

/** What `penerima` needs from the request's context. */
export function kanalDeps(ctx: { keys: Keys; config: { kanal: KanalConfig; publicUrl: string } }) {
  return { keys: ctx.keys, kanal: ctx.config.kanal, publicUrl: ctx.config.publicUrl };
}
