import type { Context } from "../../context";
import { assertVersion } from "../../lib/versioned";
import type { PermohonanInformasi, Prisma } from "../../generated/prisma/client";
import type { AlasanKeberatan, CaraPerolehan, FormatInformasi } from "../../generated/prisma/enums";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { createNotifications, publishNotifications } from "../notification/service";
import { enqueueEmail } from "../mail/outbox";
import { assertCan, can } from "../../policy";
import { ALASAN_LABEL, PENGECUALIAN_PASAL_17, PERPANJANG_MAKS_HARI, batasSengketa, grounds, tenggatJawab, tenggatPerpanjangan, tenggatTanggapanKeberatan } from "./rules";

type Tx = Prisma.TransactionClient;
const notFound = () => new NotFoundError("PERMOHONAN_NOT_FOUND", "Permohonan informasi tidak ditemukan.", "id");

/** A request the caller may see (its requester, the PPID desk: policy.ts); others' are "not found". */
export async function loadPermohonan(ctx: Context, id: string) {
  const p = await ctx.prisma.permohonanInformasi.findUnique({ where: { id } });
  if (!p || !can(ctx, "ppid:lihat", p)) throw notFound();
  return { p };
}

async function nomor(tx: Tx, jenis: "PPID" | "KEB", instansi: { id: string; kode: string; prefixNomor: string }, at: Date): Promise<string> {
  const prefix = instansi.prefixNomor || instansi.kode.split("-")[0]!;
  const year = at.getUTCFullYear();
  const kunci = `${jenis}/${instansi.id}/${year}`;
  const row = await tx.nomorUrut.upsert({ where: { kunci }, create: { kunci, terakhir: 1 }, update: { terakhir: { increment: 1 } } });
  return `${jenis}/${prefix}/${year}/${String(row.terakhir).padStart(5, "0")}`;
}

function text(v: string | null | undefined, field: string, min: number, label: string, max = 5000): string {
  const s = (v ?? "").trim();
  if (s.length < min) throw new ValidationError(`${field.toUpperCase()}_REQUIRED`, `${label} wajib diisi (minimal ${min} karakter).`, field);
  if (s.length > max) throw new ValidationError(`${field.toUpperCase()}_TOO_LONG`, `${label} maksimal ${max} karakter.`, field);
  return s;
}

async function log(tx: Tx, p: { id: string }, seq: number, aksi: string, aktorId: string, pesan: string | null) {
  await tx.permohonanLog.create({ data: { permohonanId: p.id, seq, aksi, aktorId, pesan } });
}

async function notify(ctx: Context, tx: Tx, p: PermohonanInformasi, judul: string, isi: string) {
  if (ctx.viewer!.id === p.pemohonId) return [];
  const user = await tx.user.findUniqueOrThrow({ where: { id: p.pemohonId }, select: { email: true, namaLengkap: true } });
  await enqueueEmail(tx, {
    to: user.email,
    subject: `${p.nomorRegister}: ${judul}`,
    text: `Yth. ${user.namaLengkap},\n\n${isi}\n\nRincian: ${ctx.config.publicUrl}/informasi/${p.id}\n\nSalam,\nPPID`,
    kategori: "STATUS_PERMOHONAN_INFORMASI",
  });
  return createNotifications(tx, [{ userId: p.pemohonId, kind: "PERMOHONAN_INFORMASI", judul: `${p.nomorRegister}: ${judul}`, isi, data: { permohonanId: p.id } }]);
}

function after(ctx: Context, p: PermohonanInformasi, events: Array<{ userId: string; notificationId: string }>) {
  ctx.pubsub.publish("permohonan:updated", p.id, { id: p.id, seq: p.seq });
  ctx.pubsub.publish("instansi:permohonan", p.instansiId, { id: p.id });
  publishNotifications(ctx.pubsub, events);
  ctx.mail?.kick();
}

export async function ajukan(
  ctx: Context,
  input: { instansiId: string; rincianInformasi: string; tujuan: string; format: FormatInformasi; caraPerolehan: CaraPerolehan },
): Promise<PermohonanInformasi> {
  const v = ctx.viewer!;
  const instansi = await ctx.prisma.instansi.findUnique({ where: { id: input.instansiId } });
  if (!instansi || !instansi.aktif) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
  const rincianInformasi = text(input.rincianInformasi, "rincianInformasi", 10, "Rincian informasi yang dibutuhkan");
  const tujuan = text(input.tujuan, "tujuan", 5, "Tujuan penggunaan informasi", 2000);
  if (input.caraPerolehan === "EMAIL" && input.format === "HARDCOPY") {
    throw new ValidationError("CARA_TIDAK_SESUAI", "Salinan cetak (hardcopy) tidak dapat dikirim lewat email; pilih ambil langsung atau pos.", "caraPerolehan");
  }
  const now = new Date();
  const d = tenggatJawab(await ctx.calendars.get(instansi.id), now);
  const p = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.permohonanInformasi.create({
      data: { nomorRegister: await nomor(tx, "PPID", instansi, now), instansiId: instansi.id, pemohonId: v.id, rincianInformasi, tujuan, format: input.format, caraPerolehan: input.caraPerolehan, diterimaAt: now, tenggat: d.at, tenggatSementara: d.provisional, seq: 1 },
    });
    await log(tx, row, 1, "DITERIMA", v.id, null);
    return row;
  });
  after(ctx, p, []);
  return p;
}

function desk(ctx: Context, p: PermohonanInformasi) {
  assertCan(ctx, "ppid:putuskan", p, undefined, "Hanya petugas PPID instansi ini yang dapat melakukan tindakan ini.");
}

async function claim(tx: Tx, p: PermohonanInformasi, versi: number, data: Prisma.PermohonanInformasiUncheckedUpdateManyInput) {
  const { count } = await tx.permohonanInformasi.updateMany({ where: { id: p.id, versi }, data: { ...data, versi: { increment: 1 }, seq: { increment: 1 } } });
  if (count === 0) throw new ConflictError("CONFLICT", "Permohonan ini baru saja diubah. Muat ulang halaman.", "versi");
  return tx.permohonanInformasi.findUniqueOrThrow({ where: { id: p.id } });
}

export async function perpanjang(ctx: Context, input: { id: string; versi: number; hari: number; alasan: string }) {
  const { p } = await loadPermohonan(ctx, input.id);
  desk(ctx, p);
  assertVersion(p, input.versi, "Permohonan ini baru saja diubah. Muat ulang halaman."); // before the state rules: lib/versioned.ts
  if (p.diperpanjangAt) throw new InvalidStateError("PERPANJANGAN_SUDAH", "Jangka waktu hanya dapat diperpanjang satu kali (UU 14/2008 Pasal 22 ayat 8).");
  if (p.status !== "DITERIMA") throw new InvalidStateError("SUDAH_DIPUTUS", "Permohonan yang sudah diputus tidak dapat diperpanjang.");
  if (!Number.isInteger(input.hari) || input.hari < 1 || input.hari > PERPANJANG_MAKS_HARI) {
    throw new ValidationError("PERPANJANGAN_TERLALU_LAMA", `Perpanjangan paling lama ${PERPANJANG_MAKS_HARI} hari kerja.`, "hari");
  }
  const alasan = text(input.alasan, "alasan", 10, "Alasan tertulis perpanjangan", 2000);
  const d = tenggatPerpanjangan(await ctx.calendars.get(p.instansiId), p.tenggat, input.hari);
  let events: Array<{ userId: string; notificationId: string }> = [];
  const row = await ctx.prisma.$transaction(async (tx) => {
    const row = await claim(tx, p, input.versi, { status: "DIPERPANJANG", tenggat: d.at, tenggatSementara: d.provisional, alasanPerpanjangan: alasan, hariPerpanjangan: input.hari, diperpanjangAt: new Date() });
    await log(tx, row, row.seq, "PERPANJANG", ctx.viewer!.id, `${input.hari} hari kerja: ${alasan}`);
    events = await notify(ctx, tx, row, "Jangka waktu diperpanjang", `Jawaban atas permohonan Anda diperpanjang ${input.hari} hari kerja. Alasan: ${alasan}`);
    return row;
  });
  after(ctx, row, events);
  return row;
}

export async function putuskan(
  ctx: Context,
  input: { id: string; versi: number; keputusan: "DIKABULKAN" | "DIKABULKAN_SEBAGIAN" | "DITOLAK"; catatan: string; pasalPengecualian?: string | null; ujiKonsekuensi?: string | null; biaya?: number | null },
) {
  const { p } = await loadPermohonan(ctx, input.id);
  desk(ctx, p);
  assertVersion(p, input.versi, "Permohonan ini baru saja diubah. Muat ulang halaman."); // before the state rules: lib/versioned.ts
  if (p.status !== "DITERIMA" && p.status !== "DIPERPANJANG") throw new InvalidStateError("SUDAH_DIPUTUS", "Permohonan ini sudah diputus.");
  const catatan = text(input.catatan, "catatan", 5, "Isi jawaban tertulis");
  let pasal: string | null = null;
  let uji: string | null = null;
  if (input.keputusan !== "DIKABULKAN") {
    pasal = (input.pasalPengecualian ?? "").trim().toLowerCase() || null;
    if (!pasal || !(pasal in PENGECUALIAN_PASAL_17)) {
      throw new ValidationError("PENGECUALIAN_REQUIRED", "Sebutkan kategori pengecualian UU 14/2008 Pasal 17 (huruf a–j).", "pasalPengecualian");
    }
    uji = text(input.ujiKonsekuensi, "ujiKonsekuensi", 20, "Uraian uji konsekuensi");
  }
  const biaya = input.biaya ?? 0;
  if (!Number.isInteger(biaya) || biaya < 0) throw new ValidationError("BIAYA_INVALID", "Biaya (hanya biaya salinan) harus 0 atau lebih.", "biaya");
  let events: Array<{ userId: string; notificationId: string }> = [];
  const label = { DIKABULKAN: "Dikabulkan", DIKABULKAN_SEBAGIAN: "Dikabulkan sebagian", DITOLAK: "Ditolak" }[input.keputusan];
  const row = await ctx.prisma.$transaction(async (tx) => {
    const row = await claim(tx, p, input.versi, { status: input.keputusan, diputusAt: new Date(), diputusOlehId: ctx.viewer!.id, catatanKeputusan: catatan, pasalPengecualian: pasal, ujiKonsekuensi: uji, biaya });
    await log(tx, row, row.seq, input.keputusan, ctx.viewer!.id, catatan);
    events = await notify(ctx, tx, row, label, `Permohonan informasi Anda ${label.toLowerCase()}. ${catatan}${pasal ? ` Dasar pengecualian: Pasal 17 huruf ${pasal}.` : ""}`);
    return row;
  });
  after(ctx, row, events);
  return row;
}

export async function ajukanKeberatan(ctx: Context, input: { permohonanId: string; alasan: AlasanKeberatan; uraian: string }) {
  const { p } = await loadPermohonan(ctx, input.permohonanId);
  assertCan(ctx, "ppid:ajukanKeberatan", p, undefined, "Keberatan diajukan oleh pemohon informasi.");
  const uraian = text(input.uraian, "uraian", 10, "Uraian keberatan");
  const now = new Date();
  const cal = await ctx.calendars.get(p.instansiId);
  const g = grounds(cal, p, now).find((x) => x.alasan === input.alasan)!;
  if (!g.sejak) {
    throw new InvalidStateError("ALASAN_BELUM_ADA", `Alasan keberatan "${ALASAN_LABEL[input.alasan]}" belum terpenuhi untuk permohonan ini.`);
  }
  if (!g.bisaDiajukan) {
    throw new InvalidStateError("KEBERATAN_LEWAT_WAKTU", "Batas waktu mengajukan keberatan (30 hari kerja sejak alasan timbul) sudah lewat.");
  }
  const instansi = await ctx.prisma.instansi.findUniqueOrThrow({ where: { id: p.instansiId } });
  const d = tenggatTanggapanKeberatan(cal, now);
  try {
    const made = await ctx.prisma.$transaction(async (tx) => {
      const k = await tx.keberatan.create({ data: { nomorRegister: await nomor(tx, "KEB", instansi, now), permohonanId: p.id, alasan: input.alasan, uraian, diajukanAt: now, tenggatTanggapan: d.at, tenggatTanggapanSementara: d.provisional } });
      const row = await tx.permohonanInformasi.update({ where: { id: p.id }, data: { seq: { increment: 1 } } });
      await log(tx, row, row.seq, "KEBERATAN", ctx.viewer!.id, `${k.nomorRegister}: ${ALASAN_LABEL[input.alasan]}`);
      return { k, seq: row.seq };
    });
    // the request's open pages (the requester's other devices, the PPID desk) show the objection at once
    ctx.pubsub.publish("permohonan:updated", p.id, { id: p.id, seq: made.seq });
    ctx.pubsub.publish("instansi:permohonan", p.instansiId, { id: p.id });
    return made.k;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new ConflictError("KEBERATAN_SUDAH_ADA", "Keberatan dengan alasan ini sudah diajukan untuk permohonan tersebut.", "alasan");
    throw err;
  }
}

export async function tanggapiKeberatan(ctx: Context, input: { id: string; versi: number; tanggapan: string }) {
  const k = await ctx.prisma.keberatan.findUnique({ where: { id: input.id }, include: { permohonan: true } });
  if (!k || !can(ctx, "ppid:lihat", k.permohonan)) throw new NotFoundError("KEBERATAN_NOT_FOUND", "Keberatan tidak ditemukan.", "id");
  assertCan(ctx, "ppid:tanggapiKeberatan", k.permohonan, undefined, "Keberatan ditanggapi oleh atasan PPID.");
  assertVersion(k, input.versi, "Keberatan ini baru saja ditanggapi. Muat ulang halaman."); // before the state rule: lib/versioned.ts
  if (k.status !== "DIAJUKAN") throw new InvalidStateError("SUDAH_DITANGGAPI", "Keberatan ini sudah ditanggapi.");
  const tanggapan = text(input.tanggapan, "tanggapan", 10, "Tanggapan atas keberatan");
  const now = new Date();
  const batas = batasSengketa(await ctx.calendars.get(k.permohonan.instansiId), now);
  let events: Array<{ userId: string; notificationId: string }> = [];
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.keberatan.updateMany({ where: { id: k.id, status: "DIAJUKAN", versi: k.versi }, data: { status: "DITANGGAPI", versi: { increment: 1 }, tanggapan, ditanggapiAt: now, ditanggapiOlehId: ctx.viewer!.id, batasSengketa: batas.at, batasSengketaSementara: batas.provisional } });
    if (count === 0) throw new ConflictError("CONFLICT", "Keberatan ini baru saja ditanggapi.", "id");
    const row = await tx.permohonanInformasi.update({ where: { id: k.permohonanId }, data: { seq: { increment: 1 } } });
    await log(tx, row, row.seq, "TANGGAPAN_KEBERATAN", ctx.viewer!.id, tanggapan);
    events = await notify(ctx, tx, row, "Keberatan ditanggapi", `Atasan PPID telah menanggapi keberatan ${k.nomorRegister}. Bila tidak puas, Anda dapat mengajukan sengketa ke Komisi Informasi paling lambat 14 hari kerja sejak tanggapan ini.`);
    return tx.keberatan.findUniqueOrThrow({ where: { id: k.id } });
  });
  after(ctx, await ctx.prisma.permohonanInformasi.findUniqueOrThrow({ where: { id: k.permohonanId } }), events);
  return updated;
}

function csvCell(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : v == null ? "" : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
