import { createHmac, timingSafeEqual } from "node:crypto";
import type { Context } from "../../context";
import type { Keys } from "../../lib/crypto";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { isValidSkor } from "../skm/ikm";

/**
 * The SKM survey of a helpdesk consultation. The caller usually has no account, so the survey is reached by a link
 * the officer gives with the answer (read out, sent by WhatsApp or email, printed): `/survei/konsultasi/<token>`.
 * The token names the consultation and carries an HMAC under the install's token key, so it cannot be guessed or
 * made for another consultation; nothing is stored for it. Answered once per consultation (the survey table's
 * unique key), without a respondent (`respondenId` null). The page shows the office, the service and the number,
 * never the question or the caller.
 */

const DOMAIN = "konsultasi-survei";

export function tokenSurvei(keys: Pick<Keys, "tokens">, konsultasiId: string): string {
  const body = Buffer.from(konsultasiId.replace(/-/g, ""), "hex").toString("base64url");
  const mac = createHmac("sha256", keys.tokens).update(`${DOMAIN}:${body}`).digest("base64url").slice(0, 22);
  return `${body}${mac}`;
}

/** The consultation's id a token names, or null when it is not one of ours. */
export function bacaTokenSurvei(keys: Pick<Keys, "tokens">, token: string): string | null {
  // 16 bytes of id (22 base64url characters) then 22 of MAC
  if (!/^[A-Za-z0-9_-]{44}$/.test(token)) return null;
  const body = token.slice(0, 22);
  const mac = Buffer.from(token.slice(22));
  const want = Buffer.from(createHmac("sha256", keys.tokens).update(`${DOMAIN}:${body}`).digest("base64url").slice(0, 22));
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) return null;
  const hex = Buffer.from(body, "base64url").toString("hex");
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function tautanSurvei(ctx: Pick<Context, "keys" | "config">, konsultasiId: string): string {
  return `${ctx.config.publicUrl}/survei/konsultasi/${tokenSurvei(ctx.keys, konsultasiId)}`;
}

const tidakDikenal = () => new NotFoundError("SURVEI_NOT_FOUND", "Tautan survei tidak dikenal. Periksa tautan dari petugas.", "token");

/** What the survey page shows: whose helpdesk, which consultation, whether it is answered and already surveyed. */
export async function infoSurvei(ctx: Pick<Context, "prisma" | "keys">, token: string) {
  const id = bacaTokenSurvei(ctx.keys, token);
  if (!id) throw tidakDikenal();
  const k = await ctx.prisma.konsultasi.findUnique({
    where: { id },
    select: { id: true, nomor: true, status: true, selesaiAt: true, instansi: { select: { nama: true } }, layanan: { select: { nama: true } } },
  });
  if (!k) throw tidakDikenal();
  const sudah = await ctx.prisma.surveiKepuasan.findUnique({
    where: { jenisKasus_kasusId: { jenisKasus: "KONSULTASI", kasusId: k.id } },
    select: { id: true },
  });
  return {
    nomor: k.nomor,
    instansi: k.instansi.nama,
    layanan: k.layanan?.nama ?? null,
    dijawabAt: k.selesaiAt,
    dijawab: k.status === "SELESAI",
    sudahDiisi: !!sudah,
  };
}

export async function isiSurveiKonsultasi(ctx: Pick<Context, "prisma" | "keys">, input: { token: string; skor: number[]; komentar?: string | null }) {
  const id = bacaTokenSurvei(ctx.keys, input.token);
  if (!id) throw tidakDikenal();
  if (!isValidSkor(input.skor)) throw new ValidationError("SKOR_INVALID", "Isi kesembilan unsur survei dengan nilai 1 sampai 4.", "skor");
  const komentar = input.komentar?.trim() || null;
  if (komentar && komentar.length > 2000) throw new ValidationError("KOMENTAR_TOO_LONG", "Komentar maksimal 2000 karakter.", "komentar");
  const k = await ctx.prisma.konsultasi.findUnique({ where: { id }, select: { id: true, instansiId: true, layananId: true, status: true } });
  if (!k) throw tidakDikenal();
  if (k.status !== "SELESAI") throw new InvalidStateError("KASUS_BELUM_SELESAI", "Survei dapat diisi setelah pertanyaan Anda dijawab.");
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = input.skor;
  try {
    await ctx.prisma.surveiKepuasan.create({
      data: {
        instansiId: k.instansiId,
        layananId: k.layananId,
        jenisKasus: "KONSULTASI",
        kasusId: k.id,
        respondenId: null,
        u1,
        u2,
        u3,
        u4,
        u5,
        u6,
        u7,
        u8,
        u9,
        komentar,
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new ConflictError("SURVEI_SUDAH_DIISI", "Survei untuk konsultasi ini sudah diisi. Terima kasih.", "token");
    throw err;
  }
  return true;
}
