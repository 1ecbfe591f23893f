import { builder } from "../../schema/builder";
import { formatLocal, type CountedDay, type DeadlineExplanation, type SkippedDay, type SkipReason } from "./working-time";

/** How a deadline was computed (working-time.ts explainDeadline): shown as "Bagaimana tenggat ini dihitung?". */

const ALASAN_LABEL: Record<SkipReason, string> = {
  AKHIR_PEKAN: "Akhir pekan",
  TIDAK_ADA_JAM_LAYANAN: "Kantor tidak buka pada hari ini",
  LIBUR_NASIONAL: "Hari libur nasional",
  CUTI_BERSAMA: "Cuti bersama (kantor ini libur)",
  PENUTUPAN: "Kantor ditutup",
  TAHUN_BARU: "Tahun Baru (selalu libur)",
  DI_LUAR_JAM_LAYANAN: "Di luar jam layanan: dihitung mulai jam buka berikutnya",
};

export const AlasanHariDilewatiEnum = builder.enumType("AlasanHariDilewati", {
  description: "Why a day did not count toward a deadline",
  values: Object.fromEntries(Object.entries(ALASAN_LABEL).map(([k, v]) => [k, { description: v }])) as Record<SkipReason, { description: string }>,
});

const HariDihitungRef = builder.objectRef<CountedDay>("HariDihitung").implement({
  description: "A working day that counted toward the deadline",
  fields: (t) => ({
    tanggal: t.expose("date", { type: "Date" }),
    ke: t.exposeInt("n", { description: "Its position among the counted days (hari kerja ke-…)" }),
    catatan: t.exposeString("note", { nullable: true, description: "e.g. a cuti bersama on which this office stays open" }),
  }),
});

const HariDilewatiRef = builder.objectRef<SkippedDay>("HariDilewati").implement({
  description: "A day that did not count, with its reason",
  fields: (t) => ({
    tanggal: t.expose("date", { type: "Date" }),
    alasan: t.expose("reason", { type: AlasanHariDilewatiEnum }),
    alasanLabel: t.string({ resolve: (d) => ALASAN_LABEL[d.reason] }),
    nama: t.exposeString("name", { nullable: true, description: "The holiday's or closure's name" }),
    dasarHukum: t.exposeString("decree", { nullable: true, description: "The decree that set the holiday" }),
  }),
});

export const PenjelasanTenggatRef = builder.objectRef<DeadlineExplanation>("PenjelasanTenggat").implement({
  description: "How a deadline is computed on the office calendar: the start, the rule, the days counted and each day skipped",
  fields: (t) => ({
    aturan: t.exposeString("ruleText", { description: 'The rule in words, e.g. "10 hari kerja sejak permohonan diterima"' }),
    mulai: t.expose("start", { type: "DateTime", description: "The moment the rule counts from" }),
    mulaiDihitung: t.expose("countFrom", {
      type: "DateTime",
      nullable: true,
      description: "When counting began, if later (outside office hours: the next opening)",
    }),
    tenggat: t.expose("at", { type: "DateTime" }),
    tenggatLokal: t.string({ resolve: (e) => formatLocal(e, e.at), description: "e.g. 2026-04-02 15:30 WIB" }),
    sementara: t.exposeBoolean("provisional", { description: "A year it crosses has no holiday table yet: recomputed when it is entered" }),
    zonaWaktu: t.exposeString("timeZone"),
    hariDihitung: t.field({ type: [HariDihitungRef], resolve: (e) => e.counted }),
    hariDilewati: t.field({ type: [HariDilewatiRef], resolve: (e) => e.skipped }),
  }),
});
