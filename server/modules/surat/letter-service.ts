import { z } from "zod";
import type { Context } from "../../context";
import type { Prisma, Surat } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError, forbidden } from "../../lib/errors";
import { parseInput, problem } from "../../lib/validate";
import { assertCan, can } from "../../policy";
import { readStored, storeBytes, withStoredFiles } from "../files/store";
import { loadVisible, transition } from "../pengajuan/service";
import type { DataSurat } from "./template-render";
import type { IsiTemplateSurat } from "./template";
import { TtdError } from "./pades";
import { bolehTandatangani } from "./policy";
import { bukaIdRemote, bukaNip, segelIdRemote, segelNip } from "./pejabat-segel";
import { terbitkanNomor } from "./register-service";
import { parseIdentity } from "../identity/protect";

/**
 * The letter of a request, made, signed and delivered in Loket (issue 15):
 *
 *   buatSurat(ctx, { pengajuanId, versi, penandatanganId?, kodeKlasifikasi? })   the officer (AJUKAN_TTD)
 *     draws the service's newest template with the request's data, takes the office's next number and sends the
 *     PDF to a signing official, in one transaction with the request's step. A letter the official returned is
 *     drawn again under its own number (no gap, no second number for one letter).
 *   tandatanganiSurat(ctx, { id, passphrase })   the official the letter was sent to (TANDATANGANI)
 *     signs exactly the PDF it read (PAdES, pades.ts; the office's way, signing-settings.ts) and delivers it: the
 *     request's result (HasilDokumen, same verification code), SELESAI or SIAP_DIAMBIL, the applicant's notice.
 *   kembalikanSurat(ctx, { id, catatan })   the same official returns it with a note (KEMBALIKAN_SURAT): DIPROSES.
 *   antrianTtd(ctx)   the letters waiting for the caller's signature, oldest first.
 *
 * The slow parts (drawing, signing, a remote service) happen before the rows are written; their files are
 * stored through withStoredFiles, so a transaction that fails leaves no file behind. pdfme and the signing code
 * load on first use.
 */

type Tx = Prisma.TransactionClient;

const suratNotFound = () => new NotFoundError("SURAT_NOT_FOUND", "Surat tidak ditemukan.", "id");

// ---------------------------------------------------------------------------------------------------
// Signing officials

const PejabatInput = z.object({
  jabatan: z
    .string()
    .trim()
    .min(3, problem("JABATAN_WAJIB", "Tuliskan jabatan pejabat seperti tercetak pada surat (3–200 karakter)."))
    .max(200, problem("JABATAN_WAJIB", "Tuliskan jabatan pejabat seperti tercetak pada surat (3–200 karakter).")),
});

export interface AturPejabat {
  userId: string;
  jabatan: string;
  /** required when the account is named an official for the first time; blank keeps the stored one */
  nip?: string | null;
  /** the official's id at the remote signing service (BSrE: the NIK); blank keeps it, null when never set */
  idRemote?: string | null;
  aktif: boolean;
}

/** Names a staff account of the instansi a signing official (or changes or ends it): the office's admins. */
export async function aturPejabat(ctx: Context, input: AturPejabat) {
  const user = await ctx.prisma.user.findUnique({
    where: { id: input.userId },
    select: { id: true, instansiId: true, role: true, status: true, pejabatPenandatangan: true },
  });
  if (!user?.instansiId || user.role === "PEMOHON" || !can(ctx, "surat:kelolaPejabat", { instansiId: user.instansiId })) {
    throw new NotFoundError("AKUN_NOT_FOUND", "Akun petugas tidak ditemukan di instansi Anda.", "userId");
  }
  const { jabatan } = parseInput(PejabatInput, input);
  const nipRaw = input.nip?.trim();
  if (!nipRaw && !user.pejabatPenandatangan) throw new ValidationError("NIP_WAJIB", "NIP pejabat wajib diisi: NIP tercetak di bawah nama pada surat.", "nip");
  const nip = nipRaw ? parseIdentity("NIP", nipRaw, "nip") : null;
  const idRemote = input.idRemote?.trim() || null;
  const sealed = {
    jabatan,
    aktif: input.aktif,
    ...(nip ? segelNip(ctx.keys, user.id, nip) : {}),
    ...(idRemote ? { idRemoteCipher: segelIdRemote(ctx.keys, user.id, idRemote) } : {}),
  };
  return ctx.prisma.pejabatPenandatangan.upsert({
    where: { userId: user.id },
    create: { userId: user.id, instansiId: user.instansiId, nipCipher: "", nipMasked: "", ...sealed },
    update: sealed,
    include: { user: { select: { namaLengkap: true } } },
  });
}

/** The active signing officials of an instansi (whose accounts are active), by name. */
export async function daftarPejabat(ctx: Context, instansiId: string) {
  assertCan(ctx, "surat:lihatPejabat", { instansiId });
  return ctx.prisma.pejabatPenandatangan.findMany({
    where: { instansiId, aktif: true, user: { status: "AKTIF" } },
    include: { user: { select: { namaLengkap: true } } },
    orderBy: { user: { namaLengkap: "asc" } },
  });
}

// ---------------------------------------------------------------------------------------------------
// Making the letter (the officer)

export interface BuatSurat {
  pengajuanId: string;
  versi: number;
  penandatanganId?: string | null;
  kodeKlasifikasi?: string | null;
}

async function pilihPejabat(ctx: Context, instansiId: string, userId: string | null | undefined) {
  const aktif = await ctx.prisma.pejabatPenandatangan.findMany({
    where: { instansiId, aktif: true, user: { status: "AKTIF" }, ...(userId ? { userId } : {}) },
    include: { user: { select: { namaLengkap: true } } },
  });
  if (userId && !aktif.length)
    throw new ValidationError("PENANDATANGAN_INVALID", "Pejabat yang dipilih bukan pejabat penandatangan aktif instansi ini.", "penandatanganId");
  if (!aktif.length) {
    throw new InvalidStateError(
      "PENANDATANGAN_BELUM_ADA",
      "Instansi ini belum memiliki pejabat penandatangan aktif. Minta admin menetapkannya di Pengaturan tanda tangan.",
    );
  }
  if (aktif.length > 1) throw new ValidationError("PENANDATANGAN_WAJIB", "Pilih pejabat yang menandatangani surat ini.", "penandatanganId");
  return aktif[0]!;
}

/** Draws the request's letter, numbers it and sends it to the official; the request goes to MENUNGGU_TTD. */
export async function buatSurat(ctx: Context, input: BuatSurat) {
  const { p } = await loadVisible(ctx, input.pengajuanId);
  assertCan(ctx, "surat:buat", p, undefined, "Hanya petugas layanan instansi ini yang dapat membuat surat hasil.");
  if (p.status !== "DIPROSES") throw new InvalidStateError("NOT_PROCESSING", "Surat hasil dibuat saat pengajuan sedang diproses.");
  const [template, pejabat, pengajuan, kembali] = await Promise.all([
    ctx.prisma.templateSurat.findFirst({ where: { layananId: p.layananId }, orderBy: { versi: "desc" } }),
    pilihPejabat(ctx, p.instansiId, input.penandatanganId),
    ctx.prisma.pengajuan.findUniqueOrThrow({
      where: { id: p.id },
      select: {
        diajukanAt: true,
        formData: true,
        pemohon: { select: { namaLengkap: true, identityMasked: true } },
        layanan: { select: { nama: true, formFields: { select: { nama: true, tipe: true } } } },
        instansi: { select: { nama: true, zonaWaktu: true } },
      },
    }),
    ctx.prisma.surat.findFirst({ where: { pengajuanId: p.id, status: "DIKEMBALIKAN" }, orderBy: { createdAt: "desc" } }),
  ]);
  if (!template) {
    throw new InvalidStateError("TEMPLATE_BELUM_ADA", "Layanan ini belum memiliki template surat hasil. Minta admin membuatnya, atau lampirkan dokumen hasil.");
  }
  const render = await import("./template-render");
  const now = new Date();
  const dataOf = (s: Pick<Surat, "nomor" | "kodeVerifikasi" | "tanggal">): DataSurat => ({
    pemohon: { nama: pengajuan.pemohon.namaLengkap, nik: pengajuan.pemohon.identityMasked },
    jawaban: pengajuan.formData as Record<string, unknown>,
    tipeJawaban: Object.fromEntries(pengajuan.layanan.formFields.map((f) => [f.nama, f.tipe])),
    tanggalSurat: s.tanggal,
    tanggalPengajuan: pengajuan.diajukanAt,
    zonaWaktu: pengajuan.instansi.zonaWaktu,
    nomorSurat: s.nomor,
    penandatangan: { nama: pejabat.user.namaLengkap, nip: bukaNip(ctx.keys, pejabat), jabatan: pejabat.jabatan },
    verifikasi: { kode: s.kodeVerifikasi, url: verifikasiUrl(ctx, s.kodeVerifikasi) },
    layanan: { nama: pengajuan.layanan.nama },
    instansi: { nama: pengajuan.instansi.nama },
  });
  let suratId = "";
  const updated = await withStoredFiles(ctx.storage, (track) =>
    transition(
      ctx,
      { id: p.id, aksi: "AJUKAN_TTD", versi: input.versi },
      {
        pelaku: "STAF",
        lampiran: async (tx: Tx) => {
          // the number is taken after the request's claim: a second officer's attempt has already failed on it
          const surat = kembali
            ? await ulangiSurat(tx, kembali.id)
            : await terbitkanNomor(tx, {
                instansiId: p.instansiId,
                kodeKlasifikasi: input.kodeKlasifikasi?.trim() || template.kodeKlasifikasi,
                pengajuanId: p.id,
                now,
              });
          const pdf = await render.renderSurat({ kopSurat: template.kopSurat, isi: template.skema as unknown as IsiTemplateSurat }, dataOf(surat));
          const stored = await storeBytes(track, ctx.storage.tmpDir, pdf);
          const file = await tx.storedFile.create({
            data: {
              sha256: stored.sha256,
              ukuran: stored.size,
              mime: "application/pdf",
              namaAsli: namaBerkas(surat.nomor),
              storageKey: stored.key,
              uploaderId: ctx.viewer!.id,
            },
          });
          await tx.surat.update({
            where: { id: surat.id },
            data: {
              status: "MENUNGGU_TTD",
              templateId: template.id,
              fileId: file.id,
              fileDrafId: file.id,
              dibuatOlehId: ctx.viewer!.id,
              penandatanganId: pejabat.userId,
              penandatanganNama: pejabat.user.namaLengkap,
              penandatanganJabatan: pejabat.jabatan,
              catatanKembali: null,
              dikembalikanAt: null,
            },
          });
          suratId = surat.id;
        },
      },
    ),
  );
  ctx.pubsub.publish("surat:ttd", pejabat.userId, { suratId, status: "MENUNGGU_TTD" });
  return { pengajuan: updated, suratId };
}

/** A returned letter taken up again: still returned (nobody else took it meanwhile), it keeps its number. */
async function ulangiSurat(tx: Tx, id: string): Promise<Surat> {
  const { count } = await tx.surat.updateMany({ where: { id, status: "DIKEMBALIKAN" }, data: { status: "MENUNGGU_TTD" } });
  if (!count) throw new ConflictError("CONFLICT", "Surat ini baru saja diubah oleh orang lain. Muat ulang halaman.", "id");
  return tx.surat.findUniqueOrThrow({ where: { id } });
}

function verifikasiUrl(ctx: Context, kode: string): string {
  return `${ctx.config.publicUrl}/verifikasi/${kode}`;
}

/** The file name a letter downloads as: its number, without the characters file systems refuse. */
function namaBerkas(nomor: string): string {
  return `surat-${nomor.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "")}.pdf`;
}

// ---------------------------------------------------------------------------------------------------
// The official: queue, sign, return

/** A letter the caller may act on as its official, or not found (another's letter does not exist for them). */
async function suratUntukPejabat(ctx: Context, id: string) {
  const s = await ctx.prisma.surat.findUnique({
    where: { id },
    include: {
      file: { select: { storageKey: true } },
      pengajuan: { select: { id: true, versi: true, status: true, layanan: { select: { nama: true } } } },
      instansi: { select: { nama: true, zonaWaktu: true } },
    },
  });
  if (!s || !can(ctx, "surat:lihat", s)) throw suratNotFound();
  if (!bolehTandatangani(ctx, s)) throw forbidden("Surat ini dikirim kepada pejabat lain untuk ditandatangani.");
  if (s.status !== "MENUNGGU_TTD" || !s.pengajuan || !s.file) {
    throw new InvalidStateError("SURAT_TIDAK_MENUNGGU_TTD", "Surat ini tidak sedang menunggu tanda tangan Anda.");
  }
  return { ...s, pengajuan: s.pengajuan, file: s.file };
}

/** The letters waiting for the caller's signature, oldest first (empty for anyone who is not an official). */
export function antrianTtd<Q extends object>(ctx: Context, query: Q) {
  const v = ctx.viewer;
  if (!v?.instansiId || !can(ctx, "surat:tandatangani", { instansiId: v.instansiId })) return Promise.resolve([]);
  return ctx.prisma.surat.findMany({
    ...(query as object),
    where: { instansiId: v.instansiId, penandatanganId: v.id, status: "MENUNGGU_TTD" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Wrong passphrases in a row before signing locks, and for how long: a stolen session cannot try passphrases. */
export const BATAS_PASSPHRASE = 5;
const KUNCI_MENIT = 15;

function terkunci(sampai: Date, zona: string) {
  const jam = new Intl.DateTimeFormat("id-ID", { timeZone: zona, hour: "2-digit", minute: "2-digit" }).format(sampai);
  return new TtdError("TTD_TERKUNCI", `Terlalu banyak passphrase salah. Penandatanganan dikunci sampai pukul ${jam}.`, "passphrase");
}

/** Counts a wrong passphrase; the fifth in a row locks signing for 15 minutes (and says so in this answer). */
async function passphraseSalah(ctx: Context, userId: string, zona: string, now: Date) {
  const row = await ctx.prisma.pejabatPenandatangan.update({ where: { userId }, data: { gagalPassphrase: { increment: 1 } } });
  if (row.gagalPassphrase < BATAS_PASSPHRASE) return;
  const sampai = new Date(now.getTime() + KUNCI_MENIT * 60_000);
  await ctx.prisma.pejabatPenandatangan.update({ where: { userId }, data: { gagalPassphrase: 0, ttdTerkunciSampai: sampai } });
  throw terkunci(sampai, zona);
}

const Passphrase = z.object({
  passphrase: z.string().min(1, problem("PASSPHRASE_WAJIB", "Masukkan passphrase tanda tangan elektronik Anda.")).max(1024),
});

/** Signs the letter the official read and delivers it; the request goes to SELESAI (or SIAP_DIAMBIL). */
export async function tandatanganiSurat(ctx: Context, input: { id: string; passphrase: string }) {
  const s = await suratUntukPejabat(ctx, input.id);
  const { passphrase } = parseInput(Passphrase, input);
  const pejabat = await ctx.prisma.pejabatPenandatangan.findUnique({ where: { userId: ctx.viewer!.id } });
  if (!pejabat?.aktif) throw forbidden("Anda bukan lagi pejabat penandatangan aktif. Hubungi admin instansi.");
  const pengaturan = await ctx.prisma.pengaturanTtd.findUnique({ where: { instansiId: s.instansiId }, select: { metode: true, tsaUrl: true } });
  const nip = bukaNip(ctx.keys, pejabat);
  const idRemote = pejabat.idRemoteCipher ? bukaIdRemote(ctx.keys, { userId: pejabat.userId, idRemoteCipher: pejabat.idRemoteCipher }) : nip;
  const now = new Date();
  if (pejabat.ttdTerkunciSampai && pejabat.ttdTerkunciSampai > now) throw terkunci(pejabat.ttdTerkunciSampai, s.instansi.zonaWaktu);
  const [{ penandatangan }, { signPdf }] = await Promise.all([import("./signing-settings"), import("./pades")]);
  const signer = await penandatangan({ prisma: ctx.prisma, keys: ctx.keys }, s.instansiId, { passphrase, signerId: idRemote }, now).catch(async (err) => {
    if (err instanceof TtdError && err.code === "TTD_PASSPHRASE_SALAH") await passphraseSalah(ctx, pejabat.userId, s.instansi.zonaWaktu, now);
    throw err;
  });
  if (pejabat.gagalPassphrase > 0) await ctx.prisma.pejabatPenandatangan.update({ where: { userId: pejabat.userId }, data: { gagalPassphrase: 0 } });
  const draf = await readStored(ctx.storage, s.file.storageKey);
  const signed = await signPdf(draf, {
    signer,
    appearance: {
      nama: s.penandatanganNama ?? "",
      nip,
      jabatan: s.penandatanganJabatan ?? pejabat.jabatan,
      verifikasiUrl: verifikasiUrl(ctx, s.kodeVerifikasi),
      kode: s.kodeVerifikasi,
      timeZone: s.instansi.zonaWaktu,
      lokasi: s.instansi.nama,
    },
    clock: () => now,
    // PAdES B-T when the office set a timestamp authority: a TSA that fails fails the signing, before anything is stored
    tsaUrl: pengaturan?.tsaUrl,
  });
  const updated = await withStoredFiles(ctx.storage, async (track) => {
    const stored = await storeBytes(track, ctx.storage.tmpDir, signed);
    return transition(
      ctx,
      { id: s.pengajuan.id, aksi: "TANDATANGANI", versi: s.pengajuan.versi },
      {
        pelaku: "PENANDATANGAN",
        lampiran: async (tx) => {
          const file = await tx.storedFile.create({
            data: {
              sha256: stored.sha256,
              ukuran: stored.size,
              mime: "application/pdf",
              namaAsli: namaBerkas(s.nomor),
              storageKey: stored.key,
              uploaderId: ctx.viewer!.id,
            },
          });
          const { count } = await tx.surat.updateMany({
            where: { id: s.id, status: "MENUNGGU_TTD", penandatanganId: ctx.viewer!.id },
            data: { status: "TERBIT", fileId: file.id, ditandatanganiAt: now, metodeTtd: pengaturan?.metode ?? null },
          });
          if (!count) throw new ConflictError("CONFLICT", "Surat ini baru saja diubah. Muat ulang antrean tanda tangan.", "id");
          // the letter is the request's result: the Log Inbox shows it, the same code verifies it
          await tx.hasilDokumen.create({
            data: { pengajuanId: s.pengajuan.id, fileId: file.id, judul: `${s.pengajuan.layanan.nama} — ${s.nomor}`, kodeVerifikasi: s.kodeVerifikasi },
          });
        },
      },
    );
  });
  ctx.pubsub.publish("surat:ttd", ctx.viewer!.id, { suratId: s.id, status: "TERBIT" });
  return { pengajuan: updated, suratId: s.id };
}

/** Returns the letter to the officers with the official's note; the request goes back to DIPROSES. */
export async function kembalikanSurat(ctx: Context, input: { id: string; catatan: string }) {
  const s = await suratUntukPejabat(ctx, input.id);
  const now = new Date();
  const updated = await transition(
    ctx,
    { id: s.pengajuan.id, aksi: "KEMBALIKAN_SURAT", versi: s.pengajuan.versi, pesan: input.catatan },
    {
      pelaku: "PENANDATANGAN",
      lampiran: async (tx) => {
        const { count } = await tx.surat.updateMany({
          where: { id: s.id, status: "MENUNGGU_TTD", penandatanganId: ctx.viewer!.id },
          data: { status: "DIKEMBALIKAN", catatanKembali: input.catatan.trim(), dikembalikanAt: now },
        });
        if (!count) throw new ConflictError("CONFLICT", "Surat ini baru saja diubah. Muat ulang antrean tanda tangan.", "id");
      },
    },
  );
  ctx.pubsub.publish("surat:ttd", ctx.viewer!.id, { suratId: s.id, status: "DIKEMBALIKAN" });
  return { pengajuan: updated, suratId: s.id };
}
