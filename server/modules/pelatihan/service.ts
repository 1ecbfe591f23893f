import type { Context } from "../../context";
import type { PesertaPelatihan, Prisma, SesiPelatihan, StatusPesertaPelatihan } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { Problems } from "../../lib/validate";
import { assertCan } from "../../policy";
import { ALLOWED_MIME } from "../../shared/layanan-editor";
import { SURAT_ATASAN_MAKS_BYTES } from "../../shared/limits";
import { localDateOf, openIntervals } from "../calendar/working-time";
import { kanalDeps } from "../kanal/outbox";
import { receiveUpload, withStoredFiles } from "../files/store";
import { publishNotifications, type NotificationEvent } from "../notification/service";
import { beritahu, type Pemberitahuan } from "./notify";

/**
 * Training sessions (issue: the counter; Madiun's SPSE training, where participants "harus menyesuaikan dengan
 * skedul pelatihan" and bring their superior's letter). The desk publishes sessions of a service with date, time,
 * place, seats and requirements; a citizen registers with their organisation and, when the session asks for it,
 * the superior's letter (checked by content like every upload). A seat is taken by one conditional UPDATE
 * (`terisi < kapasitas`), so parallel registrations never exceed the seats; whoever finds them full joins the
 * waiting list, in order of registration. A seat given back (a withdrawal, more seats) goes to the first on the
 * waiting list in the same transaction, and they are told. On the day the officer takes attendance; the daftar
 * hadir PDF lists everyone with a column to sign. Afterwards each participant keeps their record (attended or
 * not) and, having attended, is offered the SKM survey (JenisKasus PELATIHAN).
 *
 *   buatSesi / ubahSesi / aturStatusSesi / batalkanSesi   the desk
 *   daftar / batalDaftar                                 the citizen
 *   tandai                                              attendance
 *
 * Every change publishes `pelatihan:sesi` after commit: screens showing the seats left re-read.
 */

type Tx = Prisma.TransactionClient;

const sesiNotFound = () => new NotFoundError("SESI_NOT_FOUND", "Sesi pelatihan tidak ditemukan.", "sesiId");
const pesertaNotFound = () => new NotFoundError("PESERTA_NOT_FOUND", "Pendaftaran pelatihan tidak ditemukan.", "id");

/** Statuses that hold a seat (counted in `terisi`). */
export const MEMEGANG_KURSI: readonly StatusPesertaPelatihan[] = ["TERDAFTAR", "HADIR", "TIDAK_HADIR"];

export function publishSesi(ctx: Pick<Context, "pubsub">, sesiId: string) {
  ctx.pubsub.publish("pelatihan:sesi", sesiId, { sesiId });
}

function teks(problems: Problems, value: string | null | undefined, field: string, label: string, min: number, max: number): string {
  const v = (value ?? "").trim();
  if (v.length < min) problems.add(`${field.toUpperCase()}_REQUIRED`, `${label} wajib diisi (minimal ${min} karakter).`, field);
  else if (v.length > max) problems.add(`${field.toUpperCase()}_TOO_LONG`, `${label} maksimal ${max} karakter.`, field);
  return v;
}

export interface SesiInput {
  judul: string;
  mulai: Date;
  selesai: Date;
  tempat: string;
  kapasitas: number;
  persyaratan: string | null;
  wajibSuratAtasan: boolean;
}

/** Checks a session's fields together: every problem at once. `terisi` is the seats already held (a change). */
async function periksaSesi(ctx: Context, instansiId: string, input: SesiInput, terisi: number, mulaiLama: Date | null) {
  const problems = new Problems();
  const judul = teks(problems, input.judul, "judul", "Judul sesi", 3, 200);
  const tempat = teks(problems, input.tempat, "tempat", "Tempat", 3, 300);
  const persyaratan = (input.persyaratan ?? "").trim();
  if (persyaratan.length > 2000) problems.add("PERSYARATAN_TOO_LONG", "Persyaratan maksimal 2000 karakter.", "persyaratan");
  if (!Number.isInteger(input.kapasitas) || input.kapasitas < 1 || input.kapasitas > 500)
    problems.add("KAPASITAS_INVALID", "Jumlah kursi 1–500 orang.", "kapasitas");
  else if (input.kapasitas < terisi)
    problems.add("KAPASITAS_KURANG", `Sudah ${terisi} peserta memegang kursi: jumlah kursi tidak dapat kurang dari itu.`, "kapasitas");
  const { mulai, selesai } = input;
  if (Number.isNaN(mulai.getTime())) problems.add("MULAI_INVALID", "Isi waktu mulai.", "mulai");
  else if (mulai.getTime() !== mulaiLama?.getTime()) {
    if (mulai.getTime() <= Date.now()) problems.add("MULAI_LEWAT", "Waktu mulai harus setelah sekarang.", "mulai");
    else {
      // a session on a day the office is closed (a holiday, cuti bersama when it closes, a closure) is refused:
      // the calendar is the one the citizens see
      const cal = await ctx.calendars.get(instansiId);
      const hari = localDateOf(cal, mulai);
      const buka = openIntervals(cal, new Date(mulai.getTime() - 86_400_000), new Date(mulai.getTime() + 86_400_000)).some(
        ([a]) => localDateOf(cal, new Date(a)) === hari,
      );
      if (!buka) problems.add("KANTOR_TUTUP", `Kantor tutup pada ${hari} menurut kalender instansi. Pilih hari kerja.`, "mulai");
    }
  }
  if (Number.isNaN(selesai.getTime()) || (!Number.isNaN(mulai.getTime()) && selesai.getTime() <= mulai.getTime()))
    problems.add("SELESAI_INVALID", "Waktu selesai harus setelah waktu mulai.", "selesai");
  else if (!Number.isNaN(mulai.getTime()) && selesai.getTime() - mulai.getTime() > 14 * 86_400_000)
    problems.add("SELESAI_INVALID", "Satu sesi paling lama 14 hari.", "selesai");
  problems.throwIfAny();
  return { judul, tempat, persyaratan, kapasitas: input.kapasitas, mulai, selesai, wajibSuratAtasan: input.wajibSuratAtasan };
}

export async function buatSesi(ctx: Context, layananId: string, input: SesiInput): Promise<SesiPelatihan> {
  const l = await ctx.prisma.layanan.findUnique({ where: { id: layananId }, select: { id: true, instansiId: true, aktif: true } });
  if (!l?.aktif) throw new NotFoundError("LAYANAN_NOT_FOUND", "Layanan tidak ditemukan.", "layananId");
  assertCan(ctx, "pelatihan:kelola", { instansiId: l.instansiId });
  const data = await periksaSesi(ctx, l.instansiId, input, 0, null);
  const row = await ctx.prisma.sesiPelatihan.create({ data: { ...data, instansiId: l.instansiId, layananId: l.id, dibuatOlehId: ctx.viewer!.id } });
  publishSesi(ctx, row.id);
  return row;
}

async function sesiMeja(ctx: Context, sesiId: string) {
  const s = await ctx.prisma.sesiPelatihan.findUnique({ where: { id: sesiId } });
  if (!s) throw sesiNotFound();
  assertCan(ctx, "pelatihan:kelola", { instansiId: s.instansiId }, sesiNotFound);
  return s;
}

/** Locks the session's row for the rest of the transaction: seat changes and the waiting list go one at a time. */
async function kunci(tx: Tx, sesiId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "SesiPelatihan" WHERE id = ${sesiId}::uuid FOR UPDATE`;
}

/**
 * Gives free seats to the waiting list, first registered first, while seats are free; inside a transaction that
 * holds the session's lock. Returns who moved up (to be told).
 */
async function naikkanAntrean(tx: Tx, sesiId: string): Promise<PesertaPelatihan[]> {
  const naik: PesertaPelatihan[] = [];
  for (;;) {
    const next = await tx.pesertaPelatihan.findFirst({ where: { sesiId, status: "MENUNGGU" }, orderBy: [{ daftarAt: "asc" }, { id: "asc" }] });
    if (!next) break;
    const seat = await tx.$queryRaw<Array<{ terisi: number }>>`
      UPDATE "SesiPelatihan" SET "terisi" = "terisi" + 1, "updatedAt" = now()
       WHERE id = ${sesiId}::uuid AND "terisi" < "kapasitas" RETURNING "terisi"`;
    if (seat.length !== 1) break;
    naik.push(await tx.pesertaPelatihan.update({ where: { id: next.id }, data: { status: "TERDAFTAR", naikAt: new Date() } }));
  }
  return naik;
}

export async function ubahSesi(ctx: Context, sesiId: string, input: SesiInput): Promise<SesiPelatihan> {
  const s = await sesiMeja(ctx, sesiId);
  if (s.status === "DIBATALKAN") throw new InvalidStateError("SESI_DIBATALKAN", "Sesi ini sudah dibatalkan.");
  const data = await periksaSesi(ctx, s.instansiId, input, s.terisi, s.mulai);
  const waktuPindah = data.mulai.getTime() !== s.mulai.getTime() || data.selesai.getTime() !== s.selesai.getTime() || data.tempat !== s.tempat;
  const { row, events } = await ctx.prisma.$transaction(async (tx) => {
    await kunci(tx, sesiId);
    const now = await tx.sesiPelatihan.findUniqueOrThrow({ where: { id: sesiId }, select: { terisi: true } });
    if (data.kapasitas < now.terisi)
      throw new ValidationError("KAPASITAS_KURANG", `Sudah ${now.terisi} peserta memegang kursi: jumlah kursi tidak dapat kurang dari itu.`, "kapasitas");
    const row = await tx.sesiPelatihan.update({ where: { id: sesiId }, data });
    // a moved session is reminded again before its new start
    if (data.mulai.getTime() !== s.mulai.getTime()) await tx.pesertaPelatihan.updateMany({ where: { sesiId }, data: { diingatkanAt: null } });
    // the waiting list is served while registration is closed too: closing stops new people, not the line
    const naik = await naikkanAntrean(tx, sesiId);
    const events: NotificationEvent[] = [...(await beritahu(tx, kanalDeps(ctx), row, naik, { jenis: "NAIK" }))];
    if (waktuPindah) {
      const semua = await tx.pesertaPelatihan.findMany({ where: { sesiId, status: { in: ["TERDAFTAR", "MENUNGGU"] } } });
      events.push(...(await beritahu(tx, kanalDeps(ctx), row, semua, { jenis: "BERUBAH" })));
    }
    return { row: await tx.sesiPelatihan.findUniqueOrThrow({ where: { id: sesiId } }), events };
  });
  await selesaiKirim(ctx, events);
  publishSesi(ctx, sesiId);
  return row;
}

/** Closes registration (attendance is still taken) or opens it again. */
export async function aturStatusSesi(ctx: Context, sesiId: string, status: "DIBUKA" | "DITUTUP"): Promise<SesiPelatihan> {
  const s = await sesiMeja(ctx, sesiId);
  if (s.status === "DIBATALKAN") throw new InvalidStateError("SESI_DIBATALKAN", "Sesi ini sudah dibatalkan.");
  if (status === "DIBUKA" && s.mulai.getTime() <= Date.now())
    throw new InvalidStateError("SESI_SUDAH_MULAI", "Sesi sudah dimulai: pendaftaran tidak dapat dibuka lagi.");
  const { row, events } = await ctx.prisma.$transaction(async (tx) => {
    await kunci(tx, sesiId);
    const row = await tx.sesiPelatihan.update({ where: { id: sesiId }, data: { status } });
    const naik = status === "DIBUKA" ? await naikkanAntrean(tx, sesiId) : [];
    return { row, events: await beritahu(tx, kanalDeps(ctx), row, naik, { jenis: "NAIK" }) };
  });
  await selesaiKirim(ctx, events);
  publishSesi(ctx, sesiId);
  return row;
}

/** Cancels a session: every participant's place ends and each is told, with the reason. */
export async function batalkanSesi(ctx: Context, sesiId: string, alasan: string): Promise<SesiPelatihan> {
  const s = await sesiMeja(ctx, sesiId);
  const why = alasan.trim();
  if (why.length < 5 || why.length > 500) throw new ValidationError("ALASAN_REQUIRED", "Alasan pembatalan 5–500 karakter: peserta membacanya.", "alasan");
  if (s.status === "DIBATALKAN") throw new InvalidStateError("SESI_DIBATALKAN", "Sesi ini sudah dibatalkan.");
  if (s.selesai.getTime() <= Date.now()) throw new InvalidStateError("SESI_SUDAH_SELESAI", "Sesi sudah selesai dan tidak dapat dibatalkan.");
  // attendance taken means the session took place: its record stays as it is
  if (await ctx.prisma.pesertaPelatihan.count({ where: { sesiId, status: { in: ["HADIR", "TIDAK_HADIR"] } } }))
    throw new InvalidStateError("SESI_SUDAH_BERLANGSUNG", "Kehadiran peserta sudah dicatat: sesi yang sudah berlangsung tidak dapat dibatalkan.");
  const { row, events } = await ctx.prisma.$transaction(async (tx) => {
    await kunci(tx, sesiId);
    const aktif = await tx.pesertaPelatihan.findMany({ where: { sesiId, status: { in: ["TERDAFTAR", "MENUNGGU"] } } });
    await tx.pesertaPelatihan.updateMany({
      where: { sesiId, status: { in: ["TERDAFTAR", "MENUNGGU"] } },
      data: { status: "BATAL", alasanBatal: `Sesi dibatalkan kantor: ${why}` },
    });
    // seats still held are only those whose attendance was taken meanwhile (none, unless marked in the last instant)
    const terisi = await tx.pesertaPelatihan.count({ where: { sesiId, status: { in: ["HADIR", "TIDAK_HADIR"] } } });
    const row = await tx.sesiPelatihan.update({ where: { id: sesiId }, data: { status: "DIBATALKAN", alasanBatal: why, terisi } });
    return { row, events: await beritahu(tx, kanalDeps(ctx), row, aktif, { jenis: "DIBATALKAN", alasan: why }) };
  });
  await selesaiKirim(ctx, events);
  publishSesi(ctx, sesiId);
  return row;
}

// ---------------------------------------------------------------------------------------------------
// The citizen

export interface DaftarInput {
  organisasi: string;
  jabatan: string | null;
  suratAtasan: File | null;
}

/** Registers the caller: a seat while one is left, otherwise the waiting list. */
export async function daftar(ctx: Context, sesiId: string, input: DaftarInput): Promise<PesertaPelatihan> {
  assertCan(ctx, "pelatihan:daftar", { instansiId: "" });
  const s = await ctx.prisma.sesiPelatihan.findUnique({ where: { id: sesiId } });
  if (!s) throw sesiNotFound();
  if (s.status === "DIBATALKAN") throw new InvalidStateError("SESI_DIBATALKAN", "Sesi ini dibatalkan kantor.");
  if (s.status !== "DIBUKA") throw new InvalidStateError("PENDAFTARAN_DITUTUP", "Pendaftaran sesi ini sudah ditutup.");
  if (s.mulai.getTime() <= Date.now()) throw new InvalidStateError("SESI_SUDAH_MULAI", "Sesi sudah dimulai: pendaftaran ditutup.");
  const pesertaId = ctx.viewer!.id;
  const problems = new Problems();
  const organisasi = teks(problems, input.organisasi, "organisasi", "Instansi/perusahaan", 2, 200);
  const jabatan = (input.jabatan ?? "").trim();
  if (jabatan.length > 120) problems.add("JABATAN_TOO_LONG", "Jabatan maksimal 120 karakter.", "jabatan");
  if (s.wajibSuratAtasan && !input.suratAtasan)
    problems.add("SURAT_ATASAN_REQUIRED", "Unggah surat tugas dari atasan Anda (PDF, JPG atau PNG).", "suratAtasan");
  const ada = await ctx.prisma.pesertaPelatihan.findUnique({ where: { sesiId_pesertaId: { sesiId, pesertaId } }, select: { status: true } });
  if (ada && ada.status !== "BATAL")
    throw new ConflictError(
      "SUDAH_TERDAFTAR",
      ada.status === "MENUNGGU" ? "Anda sudah ada di daftar tunggu sesi ini." : "Anda sudah terdaftar di sesi ini.",
      "sesiId",
    );
  problems.throwIfAny();
  const { row, events } = await withStoredFiles(ctx.storage, async (track) => {
    const up = input.suratAtasan
      ? await receiveUpload(input.suratAtasan, {
          maxBytes: SURAT_ATASAN_MAKS_BYTES,
          allowed: [...ALLOWED_MIME],
          tmpDir: ctx.storage.tmpDir,
          field: "suratAtasan",
        })
      : null;
    const key = up ? await track(up) : null;
    return ctx.prisma.$transaction(async (tx) => {
      await kunci(tx, sesiId);
      const fresh = await tx.sesiPelatihan.findUniqueOrThrow({ where: { id: sesiId }, select: { status: true } });
      // closed meanwhile: throwing makes withStoredFiles remove the letter stored for it
      if (fresh.status !== "DIBUKA") throw new InvalidStateError("PENDAFTARAN_DITUTUP", "Pendaftaran sesi ini baru saja ditutup.");
      const file =
        up && key
          ? await tx.storedFile.create({
              data: { sha256: up.sha256, ukuran: up.size, mime: up.mime, namaAsli: up.namaAsli, storageKey: key, uploaderId: pesertaId },
            })
          : null;
      // nobody may pass the waiting list: a seat is taken only when nobody waits
      const menunggu = await tx.pesertaPelatihan.count({ where: { sesiId, status: "MENUNGGU" } });
      const kursi =
        menunggu === 0
          ? await tx.$queryRaw<Array<{ terisi: number }>>`
              UPDATE "SesiPelatihan" SET "terisi" = "terisi" + 1, "updatedAt" = now()
               WHERE id = ${sesiId}::uuid AND "terisi" < "kapasitas" RETURNING "terisi"`
          : [];
      const status: StatusPesertaPelatihan = kursi.length === 1 ? "TERDAFTAR" : "MENUNGGU";
      const data = {
        organisasi,
        jabatan,
        suratAtasanId: file?.id ?? null,
        status,
        daftarAt: new Date(),
        naikAt: null,
        hadirAt: null,
        petugasId: null,
        alasanBatal: null,
      };
      const row = await tx.pesertaPelatihan.upsert({
        where: { sesiId_pesertaId: { sesiId, pesertaId } },
        create: { ...data, sesiId, pesertaId },
        update: data,
      });
      const events = await beritahu(tx, kanalDeps(ctx), s, [row], { jenis: "TERDAFTAR" });
      return { row, events };
    });
  });
  await selesaiKirim(ctx, events);
  publishSesi(ctx, sesiId);
  return row;
}

/** The caller withdraws: a held seat goes to the first on the waiting list, who is told. */
export async function batalDaftar(ctx: Context, id: string, alasan: string | null): Promise<PesertaPelatihan> {
  const p = await ctx.prisma.pesertaPelatihan.findUnique({ where: { id }, include: { sesi: true } });
  if (!p) throw pesertaNotFound();
  assertCan(ctx, "pelatihan:batalDaftar", { instansiId: p.sesi.instansiId, pemohonId: p.pesertaId }, pesertaNotFound);
  if (p.status !== "TERDAFTAR" && p.status !== "MENUNGGU")
    throw new InvalidStateError("PENDAFTARAN_TIDAK_AKTIF", "Pendaftaran ini sudah tidak berlaku dan tidak dapat dibatalkan.");
  if (p.sesi.mulai.getTime() <= Date.now()) throw new InvalidStateError("SESI_SUDAH_MULAI", "Sesi sudah dimulai: pendaftaran tidak dapat dibatalkan.");
  const { row, events } = await ctx.prisma.$transaction(async (tx) => {
    await kunci(tx, p.sesiId);
    const done = await tx.pesertaPelatihan.updateMany({
      where: { id, status: p.status },
      data: { status: "BATAL", alasanBatal: alasan?.trim().slice(0, 500) || "Dibatalkan peserta" },
    });
    if (done.count !== 1) throw new ConflictError("PENDAFTARAN_BERUBAH", "Pendaftaran ini baru saja berubah. Muat ulang halaman.");
    let events: NotificationEvent[] = [];
    if (p.status === "TERDAFTAR") {
      await tx.$executeRaw`UPDATE "SesiPelatihan" SET "terisi" = "terisi" - 1, "updatedAt" = now() WHERE id = ${p.sesiId}::uuid AND "terisi" > 0`;
      const sesi = await tx.sesiPelatihan.findUniqueOrThrow({ where: { id: p.sesiId } });
      // served whether registration is open or closed (closing stops new people, not the line)
      if (sesi.status !== "DIBATALKAN") events = await beritahu(tx, kanalDeps(ctx), sesi, await naikkanAntrean(tx, p.sesiId), { jenis: "NAIK" });
    }
    return { row: await tx.pesertaPelatihan.findUniqueOrThrow({ where: { id } }), events };
  });
  await selesaiKirim(ctx, events);
  publishSesi(ctx, p.sesiId);
  return row;
}

/** A waiting participant's place in line (1 = next), or null when not waiting. */
export async function nomorTunggu(ctx: Pick<Context, "prisma">, p: Pick<PesertaPelatihan, "sesiId" | "status" | "daftarAt" | "id">): Promise<number | null> {
  if (p.status !== "MENUNGGU") return null;
  const before = await ctx.prisma.pesertaPelatihan.count({
    where: { sesiId: p.sesiId, status: "MENUNGGU", OR: [{ daftarAt: { lt: p.daftarAt } }, { daftarAt: p.daftarAt, id: { lt: p.id } }] },
  });
  return before + 1;
}

// ---------------------------------------------------------------------------------------------------
// Attendance

export type TandaHadir = "HADIR" | "TIDAK_HADIR";

/** On the session's days (from its first day on), the officer marks a seat holder present or absent (and corrects it). */
export async function tandai(ctx: Context, id: string, tanda: TandaHadir): Promise<PesertaPelatihan> {
  const p = await ctx.prisma.pesertaPelatihan.findUnique({ where: { id }, include: { sesi: true } });
  if (!p) throw pesertaNotFound();
  assertCan(ctx, "pelatihan:absen", { instansiId: p.sesi.instansiId }, pesertaNotFound);
  if (p.sesi.status === "DIBATALKAN") throw new InvalidStateError("SESI_DIBATALKAN", "Sesi ini sudah dibatalkan.");
  if (!MEMEGANG_KURSI.includes(p.status))
    throw new InvalidStateError(
      "BUKAN_PEMEGANG_KURSI",
      p.status === "MENUNGGU" ? "Peserta ini masih di daftar tunggu: belum memegang kursi." : "Pendaftaran ini sudah dibatalkan.",
    );
  const cal = await ctx.calendars.get(p.sesi.instansiId);
  if (localDateOf(cal, new Date()) < localDateOf(cal, p.sesi.mulai))
    throw new InvalidStateError("SESI_BELUM_MULAI", `Kehadiran dicatat mulai hari pelatihan, ${localDateOf(cal, p.sesi.mulai)}.`);
  if (p.status === tanda) return p;
  const data: Prisma.PesertaPelatihanUncheckedUpdateManyInput =
    tanda === "HADIR"
      ? { status: "HADIR", hadirAt: new Date(), petugasId: ctx.viewer!.id }
      : { status: "TIDAK_HADIR", hadirAt: null, petugasId: ctx.viewer!.id };
  const res = await ctx.prisma.pesertaPelatihan.updateMany({ where: { id, status: p.status }, data });
  if (res.count !== 1) throw new ConflictError("PENDAFTARAN_BERUBAH", "Pendaftaran ini baru saja berubah. Muat ulang halaman.");
  publishSesi(ctx, p.sesiId);
  return ctx.prisma.pesertaPelatihan.findUniqueOrThrow({ where: { id } });
}

async function selesaiKirim(ctx: Context, events: NotificationEvent[]) {
  if (events.length === 0) return;
  publishNotifications(ctx.pubsub, events);
  ctx.mail?.kick();
  ctx.kanal?.kick();
}

export type { Pemberitahuan };
