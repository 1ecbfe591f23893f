import type { PrismaClient } from "../../generated/prisma/client";
import type { Context } from "../../context";
import { InvalidStateError, ValidationError } from "../../lib/errors";
import { kanalRow } from "./outbox";
import {
  JENIS,
  KODE_JEDA_MS,
  KODE_MAX_PERCOBAAN,
  KODE_PER_JAM,
  KODE_TTL_MS,
  defaultAktif,
  hashKode,
  kodeCocok,
  newKode,
  readStopToken,
  type Jenis,
  type Kanal,
  type KanalTelepon,
} from "./rules";
import { randomUUID } from "node:crypto";

type Db = Pick<PrismaClient, "pilihanKanal">;

export interface PilihanView {
  jenis: Jenis;
  kanal: Kanal;
  aktif: boolean;
}

export interface PengaturanNotifikasi {
  /** the channels this install can send (email always; WhatsApp and SMS once configured) */
  kanalTersedia: Kanal[];
  telepon: string;
  teleponTerverifikasi: boolean;
  pilihan: PilihanView[];
}

export function kanalTersedia(ctx: Pick<Context, "config">): Kanal[] {
  const k = ctx.config.kanal;
  return ["EMAIL", ...(k.whatsapp ? (["WHATSAPP"] as const) : []), ...(k.sms ? (["SMS"] as const) : [])];
}

export async function pengaturan(ctx: Context): Promise<PengaturanNotifikasi> {
  const user = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: ctx.viewer!.id },
    select: { telepon: true, teleponTerverifikasi: true, pilihanKanal: { select: { jenis: true, kanal: true, aktif: true } } },
  });
  const tersedia = kanalTersedia(ctx);
  const pilihan: PilihanView[] = [];
  for (const jenis of JENIS)
    for (const kanal of tersedia)
      pilihan.push({ jenis, kanal, aktif: user.pilihanKanal.find((p) => p.jenis === jenis && p.kanal === kanal)?.aktif ?? defaultAktif(kanal) });
  return { kanalTersedia: tersedia, telepon: user.telepon, teleponTerverifikasi: verified(user), pilihan };
}

const verified = (u: { telepon: string; teleponTerverifikasi: string | null }) => u.teleponTerverifikasi !== null && u.teleponTerverifikasi === u.telepon;

function assertTersedia(ctx: Context, kanal: Kanal): void {
  if (!kanalTersedia(ctx).includes(kanal))
    throw new InvalidStateError("KANAL_TIDAK_TERSEDIA", `Kantor ini belum menyediakan pemberitahuan lewat ${LABEL[kanal]}.`, "kanal");
}

const LABEL: Record<Kanal, string> = { EMAIL: "email", WHATSAPP: "WhatsApp", SMS: "SMS" };

/** Turn one channel on or off for one kind of notice. WhatsApp and SMS need the current number verified. */
export async function aturKanal(ctx: Context, jenis: Jenis, kanal: Kanal, aktif: boolean): Promise<PengaturanNotifikasi> {
  const userId = ctx.viewer!.id;
  if (aktif) {
    assertTersedia(ctx, kanal);
    if (kanal !== "EMAIL") {
      const u = await ctx.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { telepon: true, teleponTerverifikasi: true } });
      if (!verified(u))
        throw new InvalidStateError("TELEPON_BELUM_TERVERIFIKASI", "Verifikasi nomor telepon Anda dulu dengan kode yang kami kirim.", "telepon");
    }
  }
  await ctx.prisma.pilihanKanal.upsert({
    where: { userId_jenis_kanal: { userId, jenis, kanal } },
    create: { userId, jenis, kanal, aktif },
    update: { aktif },
  });
  return pengaturan(ctx);
}

/** Stop a channel for every kind of notice (a profile switch, a stop link, "BERHENTI" on WhatsApp). */
export async function stopChannel(db: Db, userId: string, kanal: Kanal): Promise<void> {
  for (const jenis of JENIS)
    await db.pilihanKanal.upsert({
      where: { userId_jenis_kanal: { userId, jenis, kanal } },
      create: { userId, jenis, kanal, aktif: false },
      update: { aktif: false },
    });
}

export async function hentikanKanal(ctx: Context, kanal: Kanal): Promise<PengaturanNotifikasi> {
  await stopChannel(ctx.prisma, ctx.viewer!.id, kanal);
  return pengaturan(ctx);
}

/** The stop link of a message: works without signing in (the link is signed), and says which channel stopped. */
export async function berhentiDenganTautan(ctx: Context, token: string): Promise<Kanal> {
  const t = readStopToken(ctx.keys, token.trim());
  if (!t)
    throw new ValidationError("TAUTAN_TIDAK_SAH", "Tautan berhenti ini tidak dikenal. Salin tautan lengkap dari pesan, atau atur di halaman Profil.", "token");
  const exists = await ctx.prisma.user.count({ where: { id: t.userId } });
  if (!exists)
    throw new ValidationError("TAUTAN_TIDAK_SAH", "Tautan berhenti ini tidak dikenal. Salin tautan lengkap dari pesan, atau atur di halaman Profil.", "token");
  await stopChannel(ctx.prisma, t.userId, t.kanal);
  return t.kanal;
}

/** Send a one-time code to my number by WhatsApp or SMS (through the outbox, like every notice). */
export async function kirimKode(ctx: Context, kanal: KanalTelepon): Promise<{ tujuan: string; berlakuSampai: Date }> {
  assertTersedia(ctx, kanal);
  const userId = ctx.viewer!.id;
  const now = new Date();
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { telepon: true } });
  const recent = await ctx.prisma.kodeTelepon.findMany({
    where: { userId, createdAt: { gte: new Date(now.getTime() - 3600_000) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const last = recent[0];
  if (last && now.getTime() - last.createdAt.getTime() < KODE_JEDA_MS) {
    const detik = Math.ceil((KODE_JEDA_MS - (now.getTime() - last.createdAt.getTime())) / 1000);
    throw new InvalidStateError("TERLALU_SERING", `Kode baru saja dikirim. Tunggu ${detik} detik sebelum meminta kode lagi.`, "kanal");
  }
  if (recent.length >= KODE_PER_JAM) throw new InvalidStateError("TERLALU_SERING", "Terlalu banyak permintaan kode. Coba lagi dalam satu jam.", "kanal");
  const kode = newKode();
  const id = randomUUID();
  const berlakuSampai = new Date(now.getTime() + KODE_TTL_MS);
  await ctx.prisma.$transaction(async (tx) => {
    // an older code stops working when a new one is asked for
    await tx.kodeTelepon.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await tx.kodeTelepon.create({ data: { id, userId, telepon: user.telepon, kanal, kodeHash: hashKode(ctx.keys, id, kode), expiresAt: berlakuSampai } });
    await tx.outbox.create({ data: kanalRow(ctx.keys, kanal, { to: user.telepon, userId, jenis: null, body: { tipe: "KODE", kode } }) });
  });
  ctx.kanal?.kick();
  return { tujuan: maskedNumber(user.telepon), berlakuSampai };
}

const maskedNumber = (t: string) => `${t.slice(0, 4)}****${t.slice(-3)}`;

/** Check the code: at most KODE_MAX_PERCOBAAN tries per code, within its life; the number is then verified. */
export async function verifikasiKode(ctx: Context, kode: string): Promise<PengaturanNotifikasi> {
  const userId = ctx.viewer!.id;
  const value = kode.replace(/\s/g, "");
  if (!/^\d{6}$/.test(value)) throw new ValidationError("KODE_TIDAK_SAH", "Masukkan 6 angka kode yang kami kirim.", "kode");
  const now = new Date();
  const row = await ctx.prisma.kodeTelepon.findFirst({ where: { userId, usedAt: null }, orderBy: { createdAt: "desc" } });
  if (!row || row.expiresAt <= now) throw new InvalidStateError("KODE_KEDALUWARSA", "Kode sudah tidak berlaku. Minta kode baru.", "kode");
  // count the try first, in one conditional write: parallel guesses cannot exceed the limit
  const counted = await ctx.prisma.kodeTelepon.updateMany({
    where: { id: row.id, usedAt: null, percobaan: { lt: KODE_MAX_PERCOBAAN } },
    data: { percobaan: { increment: 1 } },
  });
  if (counted.count === 0) throw new InvalidStateError("TERLALU_BANYAK_PERCOBAAN", "Kode salah terlalu sering. Minta kode baru.", "kode");
  if (!kodeCocok(ctx.keys, row.id, value, row.kodeHash)) {
    const sisa = KODE_MAX_PERCOBAAN - (row.percobaan + 1);
    if (sisa <= 0) throw new InvalidStateError("TERLALU_BANYAK_PERCOBAAN", "Kode salah terlalu sering. Minta kode baru.", "kode");
    throw new ValidationError("KODE_SALAH", `Kode salah. Sisa ${sisa} kali percobaan.`, "kode");
  }
  await ctx.prisma.$transaction(async (tx) => {
    const used = await tx.kodeTelepon.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (used.count === 0) throw new InvalidStateError("KODE_KEDALUWARSA", "Kode sudah tidak berlaku. Minta kode baru.", "kode");
    // the number must still be the one the code went to
    const set = await tx.user.updateMany({
      where: { id: userId, telepon: row.telepon },
      data: { teleponTerverifikasi: row.telepon, teleponTerverifikasiAt: now },
    });
    if (set.count === 0) throw new InvalidStateError("TELEPON_BERUBAH", "Nomor telepon Anda berubah setelah kode dikirim. Minta kode baru.", "kode");
  });
  return pengaturan(ctx);
}
