import { builder } from "../../schema/builder";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { InstansiRef } from "../instansi/types";
import { LayananRef } from "../layanan/types";
import { UNSUR, type HasilIkm, type Periode } from "./ikm";
import { isiSurvei } from "./service";
import { statistik } from "./statistik";

const JenisKasusEnum = builder.enumType("JenisKasus", { values: ["PENGAJUAN", "PENGADUAN", "PERMOHONAN_INFORMASI"] as const });
const PeriodeEnum = builder.enumType("Periode", { values: { TRIWULAN: { description: "quarter (ke 1–4)" }, SEMESTER: { description: "half-year (ke 1–2)" }, TAHUN: { description: "year (ke 1)" } } as const });

const IkmRef = builder.objectRef<HasilIkm>("HasilIkm").implement({
  description: "Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017), exact 1/9 weights",
  fields: (t) => ({
    responden: t.exposeInt("responden"),
    nrr: t.field({
      type: [builder.objectRef<{ unsur: string; nrr: number }>("NrrUnsur").implement({ fields: (f) => ({ unsur: f.exposeString("unsur"), nrr: f.exposeFloat("nrr") }) })],
      resolve: (h) => h.nrr.map((n, i) => ({ unsur: UNSUR[i]!, nrr: n })),
    }),
    nilaiIndeks: t.exposeFloat("nilaiIndeks"),
    ikm: t.exposeFloat("ikm", { description: "25–100" }),
    mutu: t.string({ description: "A, B, C or D", resolve: (h) => h.mutu.huruf }),
    kinerja: t.string({ description: "Sangat Baik, Baik, Kurang Baik, Tidak Baik", resolve: (h) => h.mutu.label }),
  }),
});

const Jumlah = builder.objectRef<{ nama: string; jumlah: number }>("JumlahPerNama").implement({ fields: (t) => ({ nama: t.exposeString("nama"), jumlah: t.exposeInt("jumlah") }) });

type Stat = Awaited<ReturnType<typeof statistik>>;
const StatistikRef = builder.objectRef<Stat>("Statistik").implement({
  description: "Aggregates of an instansi (or one service) over a period. No personal data.",
  fields: (t) => ({
    dari: t.expose("dari", { type: "DateTime" }),
    sampai: t.expose("sampai", { type: "DateTime", description: "exclusive" }),
    pengajuanPerStatus: t.field({ type: [Jumlah], resolve: (s) => s.pengajuanPerStatus.map((r) => ({ nama: r.status, jumlah: r.jumlah })) }),
    pengajuanDiajukan: t.exposeInt("pengajuanDiajukan"),
    selesai: t.exposeInt("selesai", { description: "requests completed in the period" }),
    medianMenitKerja: t.exposeFloat("medianMenitKerja", { nullable: true, description: "median submission-to-completion time in working minutes" }),
    p90MenitKerja: t.exposeFloat("p90MenitKerja", { nullable: true }),
    kepatuhanSlaPersen: t.exposeFloat("kepatuhanSlaPersen", { nullable: true, description: "share completed by their SLA deadline" }),
    terlambatSaatIni: t.exposeInt("terlambatSaatIni"),
    pengaduanPerKategori: t.field({ type: [Jumlah], resolve: (s) => s.pengaduanPerKategori }),
    pengaduanPerKanal: t.field({ type: [Jumlah], resolve: (s) => s.pengaduanPerKanal }),
    ppidMasuk: t.exposeInt("ppidMasuk"),
    ppidDikabulkan: t.exposeInt("ppidDikabulkan"),
    ppidDitolak: t.exposeInt("ppidDitolak"),
    ppidKeberatan: t.exposeInt("ppidKeberatan"),
    ikm: t.field({ type: IkmRef, nullable: true, resolve: (s) => s.ikm }),
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
    resolve: (_r, a, ctx) => {
      const ke = a.ke ?? 1;
      const max = a.periode === "TRIWULAN" ? 4 : a.periode === "SEMESTER" ? 2 : 1;
      if (ke < 1 || ke > max) throw new ValidationError("PERIODE_INVALID", `Untuk ${a.periode.toLowerCase()}, "ke" harus 1–${max}.`, "ke");
      if (a.tahun < 2000 || a.tahun > 2100) throw new ValidationError("TAHUN_INVALID", "Tahun tidak valid.", "tahun");
      return statistik(ctx, { instansiId: String(a.instansiId.id), layananId: a.layananId ? String(a.layananId.id) : null, periode: a.periode as Periode, tahun: a.tahun, ke });
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
