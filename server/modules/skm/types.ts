import { builder } from "../../schema/builder";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { InstansiRef } from "../instansi/types";
import { LayananRef } from "../layanan/types";
import { UNSUR } from "../../shared/skm";
import { KANAL_KONSULTASI_LABEL, KANAL_PENGADUAN_LABEL, PENGAJUAN_STATUS_LABEL, type KanalPengaduan } from "../../shared/labels";
import type { HasilIkm, Periode } from "./ikm";
import { isiSurvei } from "./service";
import type { StatistikInput } from "./statistik";
import { statistik } from "./ringkasan";
import {
  statistikDetail,
  type AduanPerNama,
  type AduanTerbuka,
  type KasusTerlambat,
  type Kinerja,
  type KinerjaLayanan,
  type KinerjaPetugas,
  type StatistikDetail,
} from "./detail";
import { PengajuanStatusEnum } from "../pengajuan/types";
import { KanalEnum, PengaduanStatusEnum } from "../pengaduan/types";
import { encodeGlobalID } from "@pothos/plugin-relay";

const JenisKasusEnum = builder.enumType("JenisKasus", { values: ["PENGAJUAN", "PENGADUAN", "PERMOHONAN_INFORMASI", "PELATIHAN"] as const });
const PeriodeEnum = builder.enumType("Periode", {
  values: { TRIWULAN: { description: "quarter (ke 1–4)" }, SEMESTER: { description: "half-year (ke 1–2)" }, TAHUN: { description: "year (ke 1)" } } as const,
});

const IkmRef = builder.objectRef<HasilIkm>("HasilIkm").implement({
  description: "Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017), exact 1/9 weights",
  fields: (t) => ({
    responden: t.exposeInt("responden"),
    nrr: t.field({
      type: [
        builder
          .objectRef<{ unsur: string; nrr: number }>("NrrUnsur")
          .implement({ fields: (f) => ({ unsur: f.exposeString("unsur"), nrr: f.exposeFloat("nrr") }) }),
      ],
      resolve: (h) => h.nrr.map((n, i) => ({ unsur: UNSUR[i]!, nrr: n })),
    }),
    nilaiIndeks: t.exposeFloat("nilaiIndeks"),
    ikm: t.exposeFloat("ikm", { description: "25–100" }),
    mutu: t.string({ description: "A, B, C or D", resolve: (h) => h.mutu.huruf }),
    kinerja: t.string({ description: "Sangat Baik, Baik, Kurang Baik, Tidak Baik", resolve: (h) => h.mutu.label }),
  }),
});

const Jumlah = builder.objectRef<{ nama: string; label?: string; jumlah: number }>("JumlahPerNama").implement({
  fields: (t) => ({
    nama: t.exposeString("nama", { description: "the code (a status, a channel) or the name (a category)" }),
    label: t.string({ description: "what people read: a code's Indonesian label, or the name itself", resolve: (r) => r.label ?? r.nama }),
    jumlah: t.exposeInt("jumlah"),
  }),
});

/** A count per complaint channel with the channel's label (a code unknown to this version reads as itself). */
const perKanal = <T extends { nama: string }>(rows: readonly T[]) =>
  rows.map((r) => ({ ...r, label: KANAL_PENGADUAN_LABEL[r.nama as KanalPengaduan] ?? r.nama }));

type Stat = Awaited<ReturnType<typeof statistik>>;
const KonsultasiStatRef = builder.objectRef<Stat["konsultasi"]>("StatistikKonsultasi").implement({
  description: "The helpdesk's consultations of the period (of the service, when one is chosen)",
  fields: (t) => ({
    masuk: t.exposeInt("masuk", { description: "recorded in the period" }),
    perKanal: t.field({
      type: [Jumlah],
      description: "recorded in the period, per channel",
      resolve: (k) => k.perKanal.map((r) => ({ ...r, label: KANAL_KONSULTASI_LABEL[r.nama as keyof typeof KANAL_KONSULTASI_LABEL] ?? r.nama })),
    }),
    dieskalasi: t.exposeInt("dieskalasi", { description: "of those recorded, escalated to another body (e.g. LKPP)" }),
    dijawab: t.exposeInt("dijawab", { description: "answered in the period" }),
    terlambat: t.exposeInt("terlambat", { description: "answered in the period after the callback promised" }),
  }),
});
const PelatihanStatRef = builder.objectRef<Stat["pelatihan"]>("StatistikPelatihan").implement({
  description: "Training sessions held in the period (not cancelled) and their participants",
  fields: (t) => ({
    sesi: t.exposeInt("sesi"),
    terdaftar: t.exposeInt("terdaftar", { description: "participants who held a seat" }),
    hadir: t.exposeInt("hadir", { description: "participants who attended" }),
  }),
});
const StatistikRef = builder.objectRef<Stat>("Statistik").implement({
  description: "Aggregates of an instansi (or one service) over a period. No personal data.",
  fields: (t) => ({
    dari: t.expose("dari", { type: "DateTime" }),
    sampai: t.expose("sampai", { type: "DateTime", description: "exclusive" }),
    pengajuanPerStatus: t.field({
      type: [Jumlah],
      resolve: (s) => s.pengajuanPerStatus.map((r) => ({ nama: r.status, label: PENGAJUAN_STATUS_LABEL[r.status], jumlah: r.jumlah })),
    }),
    pengajuanDiajukan: t.exposeInt("pengajuanDiajukan"),
    selesai: t.exposeInt("selesai", { description: "requests completed in the period" }),
    medianMenitKerja: t.exposeFloat("medianMenitKerja", { nullable: true, description: "median submission-to-completion time in working minutes" }),
    p90MenitKerja: t.exposeFloat("p90MenitKerja", { nullable: true }),
    kepatuhanSlaPersen: t.exposeFloat("kepatuhanSlaPersen", { nullable: true, description: "share completed by their SLA deadline" }),
    terlambatSaatIni: t.exposeInt("terlambatSaatIni"),
    pengaduanPerKategori: t.field({ type: [Jumlah], resolve: (s) => s.pengaduanPerKategori }),
    pengaduanPerKanal: t.field({ type: [Jumlah], resolve: (s) => perKanal(s.pengaduanPerKanal) }),
    ppidMasuk: t.exposeInt("ppidMasuk"),
    ppidDikabulkan: t.exposeInt("ppidDikabulkan"),
    ppidDitolak: t.exposeInt("ppidDitolak"),
    ppidKeberatan: t.exposeInt("ppidKeberatan"),
    ikm: t.field({ type: IkmRef, nullable: true, resolve: (s) => s.ikm }),
    konsultasi: t.field({ type: KonsultasiStatRef, resolve: (s) => s.konsultasi }),
    pelatihan: t.field({ type: PelatihanStatRef, resolve: (s) => s.pelatihan }),
  }),
});

const BATAS_MAKS = 200;

/** The period arguments, checked: PERIODE_INVALID, TAHUN_INVALID. */
function statistikInput(a: {
  instansiId: { id: string | number };
  layananId?: { id: string | number } | null;
  periode: Periode;
  tahun: number;
  ke?: number | null;
}): StatistikInput {
  const ke = a.ke ?? 1;
  const max = a.periode === "TRIWULAN" ? 4 : a.periode === "SEMESTER" ? 2 : 1;
  if (ke < 1 || ke > max) throw new ValidationError("PERIODE_INVALID", `Untuk ${a.periode.toLowerCase()}, "ke" harus 1–${max}.`, "ke");
  if (a.tahun < 2000 || a.tahun > 2100) throw new ValidationError("TAHUN_INVALID", "Tahun tidak valid.", "tahun");
  return { instansiId: String(a.instansiId.id), layananId: a.layananId ? String(a.layananId.id) : null, periode: a.periode, tahun: a.tahun, ke };
}

const KinerjaRef = builder.objectRef<Kinerja>("KinerjaPelayanan").implement({
  description: "Service performance of a period: submissions, completions in working time, SLA, open and overdue cases",
  fields: (t) => ({
    diajukan: t.exposeInt("diajukan", { description: "submitted in the period" }),
    selesai: t.exposeInt("selesai", { description: "completed in the period" }),
    medianMenitKerja: t.exposeFloat("medianMenitKerja", { nullable: true, description: "median submission-to-completion time in working minutes" }),
    p90MenitKerja: t.exposeFloat("p90MenitKerja", { nullable: true }),
    tepatWaktu: t.exposeInt("tepatWaktu", { description: "completed in the period by the SLA deadline" }),
    melewatiSla: t.exposeInt("melewatiSla", { description: "completed in the period after the SLA deadline" }),
    kepatuhanSlaPersen: t.exposeFloat("kepatuhanSlaPersen", { nullable: true }),
    berjalan: t.exposeInt("berjalan", {
      description: "open now (DIAJUKAN, PERLU_PERBAIKAN, MENUNGGU_KUNJUNGAN, DIVERIFIKASI, DIPROSES, MENUNGGU_TTD), whenever submitted",
    }),
    terlambatSaatIni: t.exposeInt("terlambatSaatIni", { description: "running past the SLA deadline now" }),
  }),
});
const KinerjaLayananRef = builder.objectRef<KinerjaLayanan>("KinerjaLayanan").implement({
  fields: (t) => ({
    layananId: t.id({ resolve: (k) => encodeGlobalID("Layanan", k.layanan.id) }),
    kode: t.string({ resolve: (k) => k.layanan.kode }),
    nama: t.string({ resolve: (k) => k.layanan.nama }),
    kinerja: t.field({ type: KinerjaRef, resolve: (k) => k }),
  }),
});
const KinerjaPetugasRef = builder.objectRef<KinerjaPetugas>("KinerjaPetugas").implement({
  description: "An officer's workload and completions (the cases assigned to them); petugasId null: not assigned to anyone",
  fields: (t) => ({
    petugasId: t.id({ nullable: true, resolve: (k) => (k.petugas ? encodeGlobalID("User", k.petugas.id) : null) }),
    nama: t.string({ resolve: (k) => k.petugas?.nama ?? "Belum ditugaskan" }),
    kinerja: t.field({ type: KinerjaRef, resolve: (k) => k }),
  }),
});
const KasusTerlambatRef = builder.objectRef<KasusTerlambat>("KasusTerlambat").implement({
  description: "A pengajuan past its SLA deadline: overdue now, or completed late",
  fields: (t) => ({
    pengajuanId: t.id({ resolve: (k) => encodeGlobalID("Pengajuan", k.pengajuanId) }),
    nomorRegistrasi: t.exposeString("nomorRegistrasi"),
    layanan: t.exposeString("layanan"),
    petugas: t.exposeString("petugas", { nullable: true }),
    status: t.expose("status", { type: PengajuanStatusEnum }),
    tenggat: t.expose("tenggat", { type: "DateTime" }),
    selesaiAt: t.expose("selesaiAt", { type: "DateTime", nullable: true }),
    terlambatMenitKerja: t.exposeFloat("terlambatMenitKerja", { description: "working minutes past the deadline: until now, or until completion" }),
  }),
});
const AduanPerNamaRef = builder.objectRef<AduanPerNama & { label?: string }>("PengaduanPerNama").implement({
  fields: (t) => ({
    nama: t.exposeString("nama"),
    label: t.string({ description: "what people read: a channel's Indonesian label, or the category's name", resolve: (r) => r.label ?? r.nama }),
    jumlah: t.exposeInt("jumlah", { description: "received in the period" }),
    terbuka: t.exposeInt("terbuka", { description: "of those, still open" }),
    terlambat: t.exposeInt("terlambat", { description: "of those, past the follow-up deadline now" }),
  }),
});
const AduanTerbukaRef = builder.objectRef<AduanTerbuka>("PengaduanTerbuka").implement({
  description: "An open complaint received in the period (no reporter identity)",
  fields: (t) => ({
    pengaduanId: t.id({ resolve: (a) => encodeGlobalID("Pengaduan", a.pengaduanId) }),
    kodeLacak: t.exposeString("kodeLacak"),
    kategori: t.exposeString("kategori"),
    kanal: t.expose("kanal", { type: KanalEnum }),
    status: t.expose("status", { type: PengaduanStatusEnum }),
    diterimaAt: t.expose("diterimaAt", { type: "DateTime" }),
    tenggat: t.expose("tenggat", { type: "DateTime", nullable: true }),
    terlambatMenitKerja: t.exposeFloat("terlambatMenitKerja", { nullable: true }),
  }),
});
const StatistikDetailRef = builder.objectRef<StatistikDetail>("StatistikDetail").implement({
  description: "The staff view behind the public statistics of an instansi (or one service) over a period",
  fields: (t) => ({
    dari: t.expose("dari", { type: "DateTime" }),
    sampai: t.expose("sampai", { type: "DateTime", description: "exclusive" }),
    total: t.field({ type: KinerjaRef, resolve: (d) => d.total }),
    perLayanan: t.field({ type: [KinerjaLayananRef], description: "services with cases in the period or open now", resolve: (d) => d.perLayanan }),
    perPetugas: t.field({ type: [KinerjaPetugasRef], resolve: (d) => d.perPetugas }),
    kasusTerlambat: t.field({
      type: [KasusTerlambatRef],
      description: "overdue now, most late first (at most `batas`; total.terlambatSaatIni counts them all)",
      resolve: (d) => d.kasusTerlambat,
    }),
    kasusMelewatiSla: t.field({
      type: [KasusTerlambatRef],
      description: "completed in the period after the deadline, most late first (at most `batas`; total.melewatiSla counts them all)",
      resolve: (d) => d.kasusMelewatiSla,
    }),
    pengaduanPerKategori: t.field({ type: [AduanPerNamaRef], resolve: (d) => d.pengaduanPerKategori }),
    pengaduanPerKanal: t.field({ type: [AduanPerNamaRef], resolve: (d) => perKanal(d.pengaduanPerKanal) }),
    jumlahPengaduanTerbuka: t.exposeInt("jumlahPengaduanTerbuka"),
    pengaduanTerbuka: t.field({
      type: [AduanTerbukaRef],
      description: "open complaints received in the period, earliest deadline first (at most `batas`)",
      resolve: (d) => d.pengaduanTerbuka,
    }),
  }),
});

builder.queryFields((t) => ({
  statistik: t.field({
    type: StatistikRef,
    description: "Public statistics of an instansi (optionally one service) for a quarter, semester or year",
    errors: { types: [ValidationError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      layananId: t.arg.globalID({ required: false, for: LayananRef }),
      periode: t.arg({ type: PeriodeEnum, required: true }),
      tahun: t.arg.int({ required: true }),
      ke: t.arg.int({ required: false, defaultValue: 1 }),
    },
    resolve: (_r, a, ctx) => statistik(ctx, statistikInput(a)),
  }),
  statistikDetail: t.field({
    type: StatistikDetailRef,
    description:
      "What lies behind the statistics, for the instansi's staff and its API clients with BACA_STATISTIK: per service and per officer, " +
      "the cases overdue now and those that missed their SLA in the period, complaints by category and channel with the open ones. No applicant's identity.",
    errors: { types: [ValidationError] },
    authScopes: (_r, a) => {
      const id = String(a.instansiId.id);
      return { can: { action: "statistik:lihatDetail" as const, on: { instansiId: id } } };
    },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      layananId: t.arg.globalID({ required: false, for: LayananRef }),
      periode: t.arg({ type: PeriodeEnum, required: true }),
      tahun: t.arg.int({ required: true }),
      ke: t.arg.int({ required: false, defaultValue: 1 }),
      batas: t.arg.int({ required: false, defaultValue: 50, description: `rows per list (1–${BATAS_MAKS})` }),
    },
    resolve: (_r, a, ctx) => {
      const batas = a.batas ?? 50;
      if (!Number.isInteger(batas) || batas < 1 || batas > BATAS_MAKS)
        throw new ValidationError("BATAS_INVALID", `Jumlah baris per daftar harus 1–${BATAS_MAKS}.`, "batas");
      return statistikDetail(ctx, statistikInput(a), { batas });
    },
  }),
  unsurSkm: t.stringList({ description: "The nine SKM elements, in order", resolve: () => [...UNSUR] }),
}));

builder.mutationFields((t) => ({
  isiSurveiKepuasan: t.boolean({
    description: "Answer the 9-element satisfaction survey (each 1–4) once for a finished case of mine",
    authScopes: { active: true },
    errors: { types: [ValidationError, ConflictError, InvalidStateError, NotFoundError] },
    args: {
      jenisKasus: t.arg({ type: JenisKasusEnum, required: true }),
      kasusId: t.arg.globalID({ required: true }),
      skor: t.arg.intList({ required: true }),
      komentar: t.arg.string({ required: false }),
    },
    resolve: async (_r, a, ctx) => !!(await isiSurvei(ctx, { jenisKasus: a.jenisKasus, kasusId: String(a.kasusId.id), skor: a.skor, komentar: a.komentar })),
  }),
}));
