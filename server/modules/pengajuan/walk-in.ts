import { randomUUID } from "node:crypto";
import type { Context } from "../../context";
import type { Pengajuan, User } from "../../generated/prisma/client";
import type { AccountStatus, PengirimanOpsi } from "../../generated/prisma/enums";
import { type DomainError, InvalidStateError, NotFoundError } from "../../lib/errors";
import { Problems } from "../../lib/validate";
import { ANY, assertCan, can } from "../../policy";
import { CONTACT_RULES } from "../../shared/contact";
import { maskIdentity } from "../../shared/nik";
import { isUniqueViolation } from "../account/service";
import { auditRead } from "../audit/service";
import { identityIndex, parseIdentity, protectIdentity } from "../identity/protect";
import { createDraft, transition, updateDraft, uploadDokumen, type PengajuanContext, type UploadInput } from "./service";

/**
 * Walk-ins at the counter (issue 16): a counter officer serves a person standing there. The person is found by
 * NIK (an account, or the record of an earlier visit), or recorded as a TAMU: a User row without a password or
 * email, identity protected as registration protects it, consent given at the counter. The case then goes through
 * the applicant's own draft, upload and submit paths (service.ts) with the context extended by `diLoket`, so the
 * form and the documents are checked exactly as on the web, every step is the officer's and marked at the counter,
 * and the case gets the same registration number, proof and tracking. Registering later with the NIK takes the
 * record over (account/service.ts register); until the admin activates that account its owner sees none of it.
 */

/** A TAMU's password hash: not an argon2 hash, so no password ever verifies (login refuses TAMU before trying). */
const TANPA_SANDI = "!tamu-loket:tanpa-kata-sandi";

/** What the officer sees of the person with that NIK: enough to confirm who stands there, nothing more. */
export interface PemohonLoket {
  ditemukan: boolean;
  nama: string | null;
  nomorIdentitasMasked: string;
  status: AccountStatus | null;
  /** a record of an earlier counter visit, not an account */
  tamu: boolean;
  dapatDilayani: boolean;
  alasan: string | null;
}

/** Why a case cannot be started at the counter for this account, or null. */
function refusal(user: Pick<User, "role" | "status">): DomainError | null {
  if (user.role !== "PEMOHON") {
    return new InvalidStateError("BUKAN_PEMOHON", "NIK ini milik akun pegawai, bukan pemohon. Pengajuan di loket hanya dapat dibuat atas nama pemohon.", "nik");
  }
  if (user.status === "DITANGGUHKAN") {
    return new InvalidStateError(
      "AKUN_DITANGGUHKAN",
      "Akun pemilik NIK ini sedang ditangguhkan, sehingga pengajuan baru tidak dapat dibuat atas namanya. Minta pemohon menghubungi admin kantor.",
      "nik",
    );
  }
  if (user.status === "DITOLAK") {
    return new InvalidStateError(
      "AKUN_DITOLAK",
      "Pendaftaran akun dengan NIK ini ditolak admin dan belum diperbaiki. Minta pemohon memperbaiki pendaftarannya (masuk dengan NIK dan kata sandinya) atau menghubungi admin kantor.",
      "nik",
    );
  }
  return null;
}

function parseNik(problems: Problems, nik: string): string | undefined {
  return problems.check(() => parseIdentity("NIK", nik, "nik"));
}

function findByNik(ctx: Context, nik: string) {
  return ctx.prisma.user.findUnique({ where: { identityIndex: identityIndex(ctx.keys, "NIK", nik) } });
}

/**
 * The person with this NIK, as the officer may see them (name and masked NIK), or `ditemukan: false`. A mutation,
 * not a query: each lookup is in the audit trail (the NIK as its blind index and masked form), and a name shown
 * is a read of someone's personal data.
 */
export async function cariPemohon(ctx: Context, input: { nik: string }): Promise<PemohonLoket> {
  assertCan(ctx, "pengajuan:layaniDiLoket", ANY);
  const problems = new Problems();
  const nik = parseNik(problems, input.nik);
  problems.throwIfAny();
  const user = await findByNik(ctx, nik!);
  if (!user) return { ditemukan: false, nama: null, nomorIdentitasMasked: maskIdentity(nik!), status: null, tamu: false, dapatDilayani: true, alasan: null };
  await auditRead(ctx, "Loket.cariPemohon", user.id, { jenis: "User", id: user.id });
  const no = refusal(user);
  return {
    ditemukan: true,
    nama: user.namaLengkap,
    nomorIdentitasMasked: user.identityMasked,
    status: user.status,
    tamu: user.status === "TAMU",
    dapatDilayani: !no,
    alasan: no?.message ?? null,
  };
}

export interface MulaiInput {
  layananId: string;
  nik: string;
  /** for a person without an account (or to correct an earlier counter record) */
  namaLengkap?: string | null;
  telepon?: string | null;
  /** a new record: the person agreed, at the counter, to the current terms and privacy policy */
  pemohonSetuju?: boolean | null;
  pengiriman?: PengirimanOpsi | null;
}

/**
 * Starts a draft at the counter for the person with this NIK: their account, or their counter record (created
 * now from name and phone when there is none). Every problem of the input at once, by field.
 */
export async function mulai(ctx: Context, input: MulaiInput): Promise<Pengajuan> {
  assertCan(ctx, "pengajuan:layaniDiLoket", ANY);
  const problems = new Problems();
  const nik = parseNik(problems, input.nik);
  const layanan = await ctx.prisma.layanan.findUnique({ where: { id: input.layananId }, select: { instansiId: true, aktif: true, ambilDiKantor: true } });
  if (!layanan?.aktif) problems.report(new NotFoundError("LAYANAN_NOT_FOUND", "Pilih layanan yang sedang dibuka.", "layananId"));
  else assertCan(ctx, "pengajuan:layaniDiLoket", { instansiId: layanan.instansiId }, undefined, "Layanan ini bukan layanan instansi Anda.");
  const existing = nik === undefined ? null : await findByNik(ctx, nik);
  const no = existing && refusal(existing);
  if (no) problems.report(no);
  // a new record needs a name and a phone; an earlier counter record takes corrections; an account keeps its own
  const kontak = !existing || existing.status === "TAMU" ? contact(problems, input, !existing) : {};
  if (!existing && !input.pemohonSetuju) {
    problems.add(
      "CONSENT_REQUIRED",
      "Pemohon harus menyetujui Syarat dan Ketentuan serta Kebijakan Privasi sebelum datanya dicatat. Jelaskan isinya, lalu centang persetujuannya.",
      "pemohonSetuju",
    );
  }
  problems.throwIfAny();

  let pemohon = existing;
  if (!pemohon) pemohon = await recordTamu(ctx, nik!, kontak as { namaLengkap: string; telepon: string });
  else if (pemohon.status === "TAMU" && Object.keys(kontak).length) {
    pemohon = await ctx.prisma.user.update({ where: { id: pemohon.id }, data: kontak });
  }
  // without an account there is no Log Inbox to download from: collecting at the office, where the service offers it
  const pengiriman = input.pengiriman ?? (pemohon.status === "TAMU" && layanan!.ambilDiKantor ? "AMBIL" : null);
  return createDraft(atCounter(ctx, pemohon.id), { layananId: input.layananId, pengiriman });
}

/** Name and phone as the counter typed them: required for a new record, corrections (when given) otherwise. */
function contact(problems: Problems, input: MulaiInput, required: boolean): { namaLengkap?: string; telepon?: string } {
  const out: { namaLengkap?: string; telepon?: string } = {};
  for (const field of ["namaLengkap", "telepon"] as const) {
    const raw = input[field]?.trim() ?? "";
    if (!raw && !required) continue;
    const rule = CONTACT_RULES[field];
    const value = rule.normalize(raw);
    if (value === null) problems.add(rule.code, rule.message, field);
    else out[field] = value;
  }
  return out;
}

/**
 * The counter record of a person without an account: identity protected as registration protects it, no email,
 * no password, consent to the current terms given at the counter. Two counters recording the same NIK at once
 * share one record.
 */
async function recordTamu(ctx: Context, nik: string, kontak: { namaLengkap: string; telepon: string }): Promise<User> {
  const id = randomUUID();
  const now = new Date();
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          id,
          ...protectIdentity(ctx.keys, id, "NIK", nik),
          ...kontak,
          email: "",
          passwordHash: TANPA_SANDI,
          role: "PEMOHON",
          status: "TAMU",
          consentTermsVersion: ctx.config.termsVersion,
          consentPrivacyVersion: ctx.config.privacyVersion,
          consentAt: now,
        },
      });
      await tx.accountAction.create({ data: { userId: id, actorId: ctx.viewer!.id, kind: "DAFTAR", reason: "Dicatat petugas di loket (tanpa akun)" } });
      return user;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const other = await findByNik(ctx, nik);
    if (!other) throw err;
    const no = refusal(other);
    if (no) throw no;
    return other;
  }
}

function atCounter(ctx: Context, pemohonId: string): PengajuanContext {
  return { ...ctx, diLoket: { pemohonId } };
}

/**
 * The context for a step on a counter case: the officer acting for its applicant. A case the officer may not
 * see is "not found"; a case its applicant started on the web stays theirs to edit.
 */
async function counterCase(ctx: Context, id: string): Promise<PengajuanContext> {
  const p = await ctx.prisma.pengajuan.findUnique({ where: { id }, select: { pemohonId: true, instansiId: true, diLoket: true } });
  if (!p || !can(ctx, "pengajuan:lihat", p)) throw new NotFoundError("PENGAJUAN_NOT_FOUND", "Pengajuan tidak ditemukan.", "id");
  if (!p.diLoket) {
    throw new InvalidStateError(
      "BUKAN_PENGAJUAN_LOKET",
      "Pengajuan ini dibuat pemohon sendiri, bukan di loket: hanya pemohonnya yang dapat mengubahnya.",
      "id",
    );
  }
  return atCounter(ctx, p.pemohonId);
}

export async function simpan(
  ctx: Context,
  input: { id: string; versi: number; formData?: Record<string, unknown> | null; pengiriman?: PengirimanOpsi | null },
) {
  return updateDraft(await counterCase(ctx, input.id), input);
}

export async function unggah(ctx: Context, input: { id: string; versi: number; berkas: UploadInput[] }) {
  return uploadDokumen(await counterCase(ctx, input.id), input);
}

export async function ajukan(ctx: Context, input: { id: string; versi: number }) {
  return transition(await counterCase(ctx, input.id), { id: input.id, versi: input.versi, aksi: "AJUKAN" });
}
