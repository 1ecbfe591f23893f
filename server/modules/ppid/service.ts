import type { Context } from "../../context";
import { assertVersion } from "../../lib/versioned";
import type { PermohonanInformasi, Prisma } from "../../generated/prisma/client";
import type { AlasanKeberatan, CaraPerolehan, FormatInformasi } from "../../generated/prisma/enums";
import { ConflictError, InvalidStateError, NotFoundError } from "../../lib/errors";
import { Problems, parseInput } from "../../lib/validate";
import { q } from "../../lib/query";
import { createNotifications, publishNotifications } from "../notification/service";
import { kanalDeps, penerima } from "../kanal/outbox";
import { enqueueEmail } from "../mail/outbox";
import { assertCan, can } from "../../policy";
import {
  ALASAN_LABEL,
  Jawaban,
  JawabanDikecualikan,
  Keberatan,
  Perpanjangan,
  Permohonan,
  TanggapanKeberatan,
  batasSengketa,
  belumDiputus,
  grounds,
  tenggatJawab,
  tenggatPerpanjangan,
  tenggatTanggapanKeberatan,
} from "./rules";

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

async function log(tx: Tx, p: { id: string }, seq: number, aksi: string, aktorId: string, pesan: string | null) {
  await tx.permohonanLog.create({ data: { permohonanId: p.id, seq, aksi, aktorId, pesan } });
}

async function notify(ctx: Context, tx: Tx, p: PermohonanInformasi, judul: string, isi: string) {
  if (ctx.viewer!.id === p.pemohonId) return [];
  const user = await tx.user.findUniqueOrThrow({ where: { id: p.pemohonId }, select: { email: true, namaLengkap: true } });
  // the applicant's chosen channels for PPID notices (answers, extended deadlines)
  const phone = await penerima(tx, kanalDeps(ctx), p.pemohonId, "TENGGAT_PPID", {
    judul: `${p.nomorRegister}: ${judul}`,
    isi,
    tautan: `${ctx.config.publicUrl}/informasi/${p.id}`,
  });
  if (phone.rows.length) await tx.outbox.createMany({ data: phone.rows });
  if (phone.email)
    await enqueueEmail(tx, {
      to: user.email,
      subject: `${p.nomorRegister}: ${judul}`,
      text: `Yth. ${user.namaLengkap},\n\n${isi}\n\nRincian: ${ctx.config.publicUrl}/informasi/${p.id}\n\nSalam,\nPPID`,
      kategori: "STATUS_PERMOHONAN_INFORMASI",
    });
  return createNotifications(tx, [
    { userId: p.pemohonId, kind: "PERMOHONAN_INFORMASI", judul: `${p.nomorRegister}: ${judul}`, isi, data: { permohonanId: p.id } },
  ]);
}

function after(ctx: Context, p: PermohonanInformasi, events: Array<{ userId: string; notificationId: string }>) {
  ctx.pubsub.publish("permohonan:updated", p.id, { id: p.id, seq: p.seq });
  ctx.pubsub.publish("instansi:permohonan", p.instansiId, { id: p.id });
  publishNotifications(ctx.pubsub, events);
  ctx.mail?.kick();
  ctx.kanal?.kick();
}

export async function ajukan(
  ctx: Context,
  input: { instansiId: string; rincianInformasi: string; tujuan: string; format: FormatInformasi; caraPerolehan: CaraPerolehan },
): Promise<PermohonanInformasi> {
  const v = ctx.viewer!;
  // the office and the typed fields in one answer (the form shows every problem at once)
  const problems = new Problems();
  const instansi = await ctx.prisma.instansi.findUnique({ where: { id: input.instansiId } });
  if (!instansi?.aktif)
    problems.report(new NotFoundError("INSTANSI_NOT_FOUND", "Badan publik yang dipilih tidak ditemukan atau sudah tidak aktif.", "instansiId"));
  const parsed = problems.parse(Permohonan, input);
  problems.throwIfAny();
  // past it, both are there
  const office = instansi!;
  const { rincianInformasi, tujuan } = parsed!;
  const now = new Date();
  const d = tenggatJawab(await ctx.calendars.get(office.id), now);
  const p = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.permohonanInformasi.create({
      data: {
        nomorRegister: await nomor(tx, "PPID", office, now),
        instansiId: office.id,
        pemohonId: v.id,
        rincianInformasi,
        tujuan,
        format: input.format,
        caraPerolehan: input.caraPerolehan,
        diterimaAt: now,
        tenggat: d.at,
        tenggatSementara: d.provisional,
        seq: 1,
      },
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
  const { alasan } = parseInput(Perpanjangan, input);
  const d = tenggatPerpanjangan(await ctx.calendars.get(p.instansiId), p.tenggat, input.hari);
  let events: Array<{ userId: string; notificationId: string }> = [];
  const row = await ctx.prisma.$transaction(async (tx) => {
    const row = await claim(tx, p, input.versi, {
      status: "DIPERPANJANG",
      tenggat: d.at,
      tenggatSementara: d.provisional,
      alasanPerpanjangan: alasan,
      hariPerpanjangan: input.hari,
      diperpanjangAt: new Date(),
    });
    await log(tx, row, row.seq, "PERPANJANG", ctx.viewer!.id, `${input.hari} hari kerja: ${alasan}`);
    events = await notify(ctx, tx, row, "Jangka waktu diperpanjang", `Jawaban atas permohonan Anda diperpanjang ${input.hari} hari kerja. Alasan: ${alasan}`);
    return row;
  });
  after(ctx, row, events);
  return row;
}

export async function putuskan(
  ctx: Context,
  input: {
    id: string;
    versi: number;
    keputusan: "DIKABULKAN" | "DIKABULKAN_SEBAGIAN" | "DITOLAK";
    catatan: string;
    pasalPengecualian?: string | null;
    ujiKonsekuensi?: string | null;
    biaya?: number | null;
  },
) {
  const { p } = await loadPermohonan(ctx, input.id);
  desk(ctx, p);
  assertVersion(p, input.versi, "Permohonan ini baru saja diubah. Muat ulang halaman."); // before the state rules: lib/versioned.ts
  if (!belumDiputus(p)) throw new InvalidStateError("SUDAH_DIPUTUS", "Permohonan ini sudah diputus.");
  const jawaban =
    input.keputusan === "DIKABULKAN"
      ? { ...parseInput(Jawaban, input), pasalPengecualian: null, ujiKonsekuensi: null }
      : parseInput(JawabanDikecualikan, input);
  const { catatan, pasalPengecualian: pasal, ujiKonsekuensi: uji, biaya } = jawaban;
  let events: Array<{ userId: string; notificationId: string }> = [];
  const label = { DIKABULKAN: "Dikabulkan", DIKABULKAN_SEBAGIAN: "Dikabulkan sebagian", DITOLAK: "Ditolak" }[input.keputusan];
  const row = await ctx.prisma.$transaction(async (tx) => {
    const row = await claim(tx, p, input.versi, {
      status: input.keputusan,
      diputusAt: new Date(),
      diputusOlehId: ctx.viewer!.id,
      catatanKeputusan: catatan,
      pasalPengecualian: pasal,
      ujiKonsekuensi: uji,
      biaya,
    });
    await log(tx, row, row.seq, input.keputusan, ctx.viewer!.id, catatan);
    events = await notify(
      ctx,
      tx,
      row,
      label,
      `Permohonan informasi Anda ${label.toLowerCase()}. ${catatan}${pasal ? ` Dasar pengecualian: Pasal 17 huruf ${pasal}.` : ""}`,
    );
    return row;
  });
  after(ctx, row, events);
  return row;
}

export async function ajukanKeberatan(ctx: Context, input: { permohonanId: string; alasan: AlasanKeberatan; uraian: string }) {
  const { p } = await loadPermohonan(ctx, input.permohonanId);
  assertCan(ctx, "ppid:ajukanKeberatan", p, undefined, "Keberatan diajukan oleh pemohon informasi.");
  // the ground and the text in one answer, each at its field
  const problems = new Problems();
  const now = new Date();
  const cal = await ctx.calendars.get(p.instansiId);
  const g = grounds(cal, p, now).find((x) => x.alasan === input.alasan)!;
  if (!g.sejak) {
    problems.report(
      new InvalidStateError("ALASAN_BELUM_ADA", `Alasan keberatan "${ALASAN_LABEL[input.alasan]}" belum terpenuhi untuk permohonan ini.`, "alasan"),
    );
  } else if (!g.bisaDiajukan) {
    problems.report(
      new InvalidStateError("KEBERATAN_LEWAT_WAKTU", "Batas waktu mengajukan keberatan (30 hari kerja sejak alasan timbul) sudah lewat.", "alasan"),
    );
  }
  const parsed = problems.parse(Keberatan, input);
  problems.throwIfAny();
  const { uraian } = parsed!;
  const instansi = await ctx.prisma.instansi.findUniqueOrThrow({ where: { id: p.instansiId } });
  const d = tenggatTanggapanKeberatan(cal, now);
  try {
    const made = await ctx.prisma.$transaction(async (tx) => {
      const k = await tx.keberatan.create({
        data: {
          nomorRegister: await nomor(tx, "KEB", instansi, now),
          permohonanId: p.id,
          alasan: input.alasan,
          uraian,
          diajukanAt: now,
          tenggatTanggapan: d.at,
          tenggatTanggapanSementara: d.provisional,
        },
      });
      const row = await tx.permohonanInformasi.update({ where: { id: p.id }, data: { seq: { increment: 1 } } });
      await log(tx, row, row.seq, "KEBERATAN", ctx.viewer!.id, `${k.nomorRegister}: ${ALASAN_LABEL[input.alasan]}`);
      return { k, seq: row.seq };
    });
    // the request's open pages (the requester's other devices, the PPID desk) show the objection at once
    ctx.pubsub.publish("permohonan:updated", p.id, { id: p.id, seq: made.seq });
    ctx.pubsub.publish("instansi:permohonan", p.instansiId, { id: p.id });
    return made.k;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new ConflictError("KEBERATAN_SUDAH_ADA", "Keberatan dengan alasan ini sudah diajukan untuk permohonan tersebut.", "alasan");
    throw err;
  }
}

export async function tanggapiKeberatan(ctx: Context, input: { id: string; versi: number; tanggapan: string }) {
  const k = await ctx.prisma.keberatan.findUnique({ where: { id: input.id }, include: { permohonan: true } });
  if (!k || !can(ctx, "ppid:lihat", k.permohonan)) throw new NotFoundError("KEBERATAN_NOT_FOUND", "Keberatan tidak ditemukan.", "id");
  assertCan(ctx, "ppid:tanggapiKeberatan", k.permohonan, undefined, "Keberatan ditanggapi oleh atasan PPID.");
  assertVersion(k, input.versi, "Keberatan ini baru saja ditanggapi. Muat ulang halaman."); // before the state rule: lib/versioned.ts
  if (k.status !== "DIAJUKAN") throw new InvalidStateError("SUDAH_DITANGGAPI", "Keberatan ini sudah ditanggapi.");
  const { tanggapan } = parseInput(TanggapanKeberatan, input);
  const now = new Date();
  const batas = batasSengketa(await ctx.calendars.get(k.permohonan.instansiId), now);
  let events: Array<{ userId: string; notificationId: string }> = [];
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.keberatan.updateMany({
      where: { id: k.id, status: "DIAJUKAN", versi: k.versi },
      data: {
        status: "DITANGGAPI",
        versi: { increment: 1 },
        tanggapan,
        ditanggapiAt: now,
        ditanggapiOlehId: ctx.viewer!.id,
        batasSengketa: batas.at,
        batasSengketaSementara: batas.provisional,
      },
    });
    if (count === 0) throw new ConflictError("CONFLICT", "Keberatan ini baru saja ditanggapi.", "id");
    const row = await tx.permohonanInformasi.update({ where: { id: k.permohonanId }, data: { seq: { increment: 1 } } });
    await log(tx, row, row.seq, "TANGGAPAN_KEBERATAN", ctx.viewer!.id, tanggapan);
    events = await notify(
      ctx,
      tx,
      row,
      "Keberatan ditanggapi",
      `Atasan PPID telah menanggapi keberatan ${k.nomorRegister}. Bila tidak puas, Anda dapat mengajukan sengketa ke Komisi Informasi paling lambat 14 hari kerja sejak tanggapan ini.`,
    );
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

export function permohonanById<Q extends object>(ctx: Context, query: Q, id: string) {
  return ctx.prisma.permohonanInformasi.findUniqueOrThrow({ ...q(query), where: { id } });
}

export function keberatanById<Q extends object>(ctx: Context, query: Q, id: string) {
  return ctx.prisma.keberatan.findUniqueOrThrow({ ...q(query), where: { id } });
}

export function permohonanSaya<Q extends object>(ctx: Context, query: Q) {
  return ctx.prisma.permohonanInformasi.findMany({ ...q(query), where: { pemohonId: ctx.viewer!.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** For each Pasal 35 ground: whether it exists now and the last day to object on it. */
export async function alasanKeberatan(ctx: Context, p: PermohonanInformasi) {
  return grounds(await ctx.calendars.get(p.instansiId), p, new Date()).map((g) => ({ ...g, batas: g.batas?.at ?? null, instansiId: p.instansiId }));
}

export interface RegisterFilter {
  instansiId?: string | null;
  tahun?: number | null;
}

/** The register asked for: the instansi named, else the caller's own (policy.ts decides whether the caller may read it). */
export function registerInstansiId(ctx: Context, instansiId: string | null | undefined): string {
  return String(instansiId ?? ctx.viewer?.instansiId ?? "");
}

function registerWhere(ctx: Context, f: RegisterFilter) {
  return {
    instansiId: registerInstansiId(ctx, f.instansiId),
    ...(f.tahun ? { diterimaAt: { gte: new Date(Date.UTC(f.tahun, 0, 1)), lt: new Date(Date.UTC(f.tahun + 1, 0, 1)) } } : {}),
  };
}

/** The register of information requests of an instansi, oldest first. */
export function registerPermohonan<Q extends object>(ctx: Context, query: Q, f: RegisterFilter) {
  return ctx.prisma.permohonanInformasi.findMany({ ...q(query), where: registerWhere(ctx, f), orderBy: [{ diterimaAt: "asc" }, { id: "asc" }] });
}

export function hitungRegisterPermohonan(ctx: Context, f: RegisterFilter) {
  return ctx.prisma.permohonanInformasi.count({ where: registerWhere(ctx, f) });
}

export function registerKeberatan<Q extends object>(ctx: Context, query: Q, f: RegisterFilter) {
  return ctx.prisma.keberatan.findMany({ ...q(query), where: { permohonan: registerWhere(ctx, f) }, orderBy: [{ diajukanAt: "asc" }, { id: "asc" }] });
}

export async function registerPermohonanCsv(ctx: Context, f: RegisterFilter): Promise<string> {
  const rows = await ctx.prisma.permohonanInformasi.findMany({
    where: registerWhere(ctx, f),
    include: { pemohon: { select: { namaLengkap: true } } },
    orderBy: { diterimaAt: "asc" },
  });
  return toCsv(
    [
      "nomor_register",
      "tanggal_diterima",
      "nama_pemohon",
      "rincian_informasi",
      "tujuan",
      "format",
      "cara_perolehan",
      "tenggat",
      "diperpanjang",
      "status",
      "tanggal_keputusan",
      "pengecualian",
      "biaya",
    ],
    rows.map((p) => [
      p.nomorRegister,
      p.diterimaAt,
      p.pemohon.namaLengkap,
      p.rincianInformasi,
      p.tujuan,
      p.format,
      p.caraPerolehan,
      p.tenggat,
      p.diperpanjangAt ? "ya" : "tidak",
      p.status,
      p.diputusAt,
      p.pasalPengecualian ? `Pasal 17 huruf ${p.pasalPengecualian}` : "",
      p.biaya,
    ]),
  );
}

export async function registerKeberatanCsv(ctx: Context, f: RegisterFilter): Promise<string> {
  const rows = await ctx.prisma.keberatan.findMany({
    where: { permohonan: registerWhere(ctx, f) },
    include: { permohonan: { select: { nomorRegister: true } } },
    orderBy: { diajukanAt: "asc" },
  });
  return toCsv(
    [
      "nomor_register",
      "nomor_permohonan",
      "tanggal_diajukan",
      "alasan",
      "uraian",
      "tenggat_tanggapan",
      "status",
      "tanggal_tanggapan",
      "batas_sengketa_komisi_informasi",
    ],
    rows.map((k) => [
      k.nomorRegister,
      k.permohonan.nomorRegister,
      k.diajukanAt,
      ALASAN_LABEL[k.alasan],
      k.uraian,
      k.tenggatTanggapan,
      k.status,
      k.ditanggapiAt,
      k.batasSengketa,
    ]),
  );
}
