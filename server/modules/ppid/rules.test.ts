import { describe, expect, it } from "vitest";
import { firstProblem, parseInput } from "../../lib/validate";
import { buildCalendar, MASPECI_HOURS } from "../calendar/working-time";
import { HOLIDAYS_2026 } from "../calendar/holidays-2026";
import {
  Jawaban,
  JawabanDikecualikan,
  Perpanjangan,
  Permohonan,
  aksiPermohonanTersedia,
  batasSengketa,
  grounds,
  keadaanTenggat,
  terlambat,
  peringatanTenggat,
  tenggatJawab,
  tenggatPerpanjangan,
  tenggatTanggapanKeberatan,
  type PermohonanFacts,
} from "./rules";

const holidays = HOLIDAYS_2026.map((h) => ({ date: h.date, kind: h.kind }));
const cal = buildCalendar({ timeZone: "Asia/Jakarta", hours: MASPECI_HOURS, holidays, cutiBersamaLibur: true, closures: [] });
const calNoCuti = buildCalendar({ timeZone: "Asia/Jakarta", hours: MASPECI_HOURS, holidays, cutiBersamaLibur: false, closures: [] });
const wib = (s: string) => new Date(`${s}+07:00`);

describe("PPID deadlines (10 + 7 working days)", () => {
  it("10 working days with a holiday inside (Isra Mikraj, Friday 16 Jan 2026)", () => {
    // received Monday 12 Jan; days: 13,14,15,(16 holiday),19,20,21,22,23,26,27 → day 10 = Tue 27 Jan 15:30
    expect(tenggatJawab(cal, wib("2026-01-12T10:00:00")).at).toEqual(wib("2026-01-27T15:30:00"));
  });
  it("an extension crossing cuti bersama: 7 more working days from the original deadline", () => {
    // received Mon 2 Mar 2026: 3,4,5,6,9,10,11,12,13,16 → deadline Mon 16 Mar 15:30
    const first = tenggatJawab(cal, wib("2026-03-02T09:00:00")).at;
    expect(first).toEqual(wib("2026-03-16T15:30:00"));
    // +7: 17 (Tue); 18 cuti, 19 Nyepi, 20 cuti, 21–22 Idulfitri, 23–24 cuti → 25,26,27,30,31, 1 Apr → Wed 1 Apr? count: 17,25,26,27,30,31,1 = 7 → Wed 1 Apr 15:30
    expect(tenggatPerpanjangan(cal, first, 7).at).toEqual(wib("2026-04-01T15:30:00"));
    // an office that works on cuti bersama: 17,18,20,23,24,25,26 → Thu 26 Mar 15:30
    expect(tenggatPerpanjangan(calNoCuti, first, 7).at).toEqual(wib("2026-03-26T15:30:00"));
    expect(() => tenggatPerpanjangan(cal, first, 8)).toThrow(RangeError);
  });
  it("a deadline landing on a Friday afternoon ends at Friday's later closing time", () => {
    // received Friday 6 Nov 2026: 9..13 (5), 16..20 (10) → Friday 20 Nov 16:00
    expect(tenggatJawab(cal, wib("2026-11-06T14:00:00")).at).toEqual(wib("2026-11-20T16:00:00"));
  });
  it("objection answer in 30 working days; dispute within 14 working days of the answer", () => {
    // answered Monday 2 Nov 2026: 14 working days → Fri 20 Nov 16:00
    expect(batasSengketa(cal, wib("2026-11-02T10:00:00")).at).toEqual(wib("2026-11-20T16:00:00"));
    // objection Monday 2 Nov 2026 + 30 working days: Nov 3–30 = 20 days, Dec 1–11 = 9 more (29), Mon 14 Dec = 30 → 15:30
    expect(tenggatTanggapanKeberatan(cal, wib("2026-11-02T10:00:00")).at).toEqual(wib("2026-12-14T15:30:00"));
  });
});

describe("which objection grounds exist, and until when", () => {
  const base: PermohonanFacts = { status: "DITERIMA", diterimaAt: wib("2026-11-02T09:00:00"), tenggat: wib("2026-11-16T15:30:00"), diputusAt: null, biaya: 0 };
  const byGround = (p: PermohonanFacts, now: Date) => Object.fromEntries(grounds(cal, p, now).map((g) => [g.alasan, g]));

  it("while the request is open and in time: only the periodic-information ground", () => {
    const g = byGround(base, wib("2026-11-05T10:00:00"));
    expect(
      Object.values(g)
        .filter((x) => x.bisaDiajukan)
        .map((x) => x.alasan),
    ).toEqual(["TIDAK_DISEDIAKAN_INFORMASI_BERKALA"]);
    expect(g.TIDAK_DITANGGAPI!.sejak).toBeNull();
  });
  it("no answer by the deadline: the ground arises at the deadline, open for 30 working days", () => {
    const g = byGround(base, wib("2026-11-17T08:00:00"));
    expect(g.TIDAK_DITANGGAPI).toMatchObject({ sejak: base.tenggat, bisaDiajukan: true });
    // 30 working days after Mon 16 Nov: Nov 17–30 (10), Dec 1–11 (19)... Dec 14–23 (27, 24 cuti, 25 Natal), 28,29,30 (30) → Wed 30 Dec 15:30
    expect(g.TIDAK_DITANGGAPI!.batas!.at).toEqual(wib("2026-12-30T15:30:00"));
    expect(byGround(base, wib("2026-12-31T08:00:00")).TIDAK_DITANGGAPI!.bisaDiajukan).toBe(false);
  });
  it("a refusal, a late partial grant with a fee", () => {
    const refused = byGround({ ...base, status: "DITOLAK", diputusAt: wib("2026-11-10T10:00:00") }, wib("2026-11-11T10:00:00"));
    expect(refused.PENOLAKAN!.bisaDiajukan).toBe(true);
    expect(refused.TIDAK_DIPENUHI!.sejak).toBeNull();
    const late = byGround({ ...base, status: "DIKABULKAN_SEBAGIAN", diputusAt: wib("2026-11-18T10:00:00"), biaya: 50_000 }, wib("2026-11-19T10:00:00"));
    expect(["TIDAK_DIPENUHI", "MELEBIHI_JANGKA_WAKTU", "BIAYA_TIDAK_WAJAR", "DITANGGAPI_TIDAK_SEBAGAIMANA_DIMINTA"].every((a) => late[a]!.bisaDiajukan)).toBe(
      true,
    );
    expect(late.PENOLAKAN!.sejak).toBeNull();
    expect(late.TIDAK_DITANGGAPI!.sejak).toBeNull();
  });
});

describe("PPID_TENGGAT: the deadline within one working day, or past", () => {
  it("near on the working day before, also across a weekend; past from the minute after", () => {
    const tenggat = wib("2026-11-23T15:30:00"); // Monday
    expect(keadaanTenggat(cal, tenggat, wib("2026-11-19T15:30:00"))).toBeNull(); // Thursday: two working days before
    expect(keadaanTenggat(cal, tenggat, wib("2026-11-20T15:30:00"))).toBe("DEKAT"); // Friday, same time: one working day
    expect(keadaanTenggat(cal, tenggat, wib("2026-11-23T15:30:00"))).toBe("DEKAT");
    expect(keadaanTenggat(cal, tenggat, wib("2026-11-23T15:31:00"))).toBe("LEWAT");
  });
  it("one working day skips a holiday (Isra Mikraj, Friday 16 Jan 2026)", () => {
    const tenggat = wib("2026-01-19T10:00:00"); // Monday
    expect(keadaanTenggat(cal, tenggat, wib("2026-01-15T10:00:00"))).toBe("DEKAT"); // Thursday: Friday is no working day
    expect(keadaanTenggat(cal, tenggat, wib("2026-01-14T10:00:00"))).toBeNull();
  });
  it("carries the register number, state, deadline and how near; nothing once decided", () => {
    const p = { nomorRegister: "PPID/KMG/2026/00001", status: "DIPERPANJANG" as const, tenggat: wib("2026-11-23T15:30:00"), diputusAt: null };
    expect(peringatanTenggat(cal, p, wib("2026-11-23T16:00:00"))).toEqual({
      nomorRegister: "PPID/KMG/2026/00001",
      status: "DIPERPANJANG",
      tenggat: "2026-11-23T08:30:00.000Z",
      keadaan: "LEWAT",
    });
    expect(peringatanTenggat(cal, p, wib("2026-11-18T09:00:00"))).toBeNull();
    expect(peringatanTenggat(cal, { ...p, status: "DIKABULKAN", diputusAt: wib("2026-11-20T09:00:00") }, wib("2026-11-23T16:00:00"))).toBeNull();
  });
});

describe("what the PPID desk may do with a request now", () => {
  it("answer while undecided; extend once, before any answer", () => {
    expect(aksiPermohonanTersedia({ status: "DITERIMA", diperpanjangAt: null })).toEqual(["PERPANJANG", "PUTUSKAN"]);
    expect(aksiPermohonanTersedia({ status: "DIPERPANJANG", diperpanjangAt: new Date() })).toEqual(["PUTUSKAN"]);
    for (const status of ["DIKABULKAN", "DIKABULKAN_SEBAGIAN", "DITOLAK"] as const)
      expect(aksiPermohonanTersedia({ status, diperpanjangAt: null })).toEqual([]);
  });
  it("overdue: undecided past the deadline in force", () => {
    const now = wib("2026-03-02T10:00:00");
    expect(terlambat({ diputusAt: null, tenggat: wib("2026-03-02T09:59:00") }, now)).toBe(true);
    expect(terlambat({ diputusAt: now, tenggat: wib("2026-03-01T09:59:00") }, now)).toBe(false);
    expect(terlambat({ diputusAt: null, tenggat: now }, now)).toBe(false);
  });
});

describe("PPID input rules keep their codes, messages and fields", () => {
  it("a request: details, purpose, and no printed copy by email", () => {
    const ok = { rincianInformasi: " Daftar penerima bantuan ", tujuan: "Skripsi", format: "SOFTCOPY", caraPerolehan: "EMAIL" };
    expect(parseInput(Permohonan, ok)).toMatchObject({ rincianInformasi: "Daftar penerima bantuan", tujuan: "Skripsi" });
    expect(firstProblem(Permohonan, { ...ok, rincianInformasi: "pendek" })).toMatchObject({
      code: "RINCIANINFORMASI_REQUIRED",
      message: "Rincian informasi yang dibutuhkan wajib diisi (minimal 10 karakter).",
      field: "rincianInformasi",
    });
    expect(firstProblem(Permohonan, { ...ok, tujuan: "x".repeat(2001) })).toMatchObject({
      code: "TUJUAN_TOO_LONG",
      message: "Tujuan penggunaan informasi maksimal 2000 karakter.",
    });
    expect(firstProblem(Permohonan, { ...ok, format: "HARDCOPY" })).toMatchObject({ code: "CARA_TIDAK_SESUAI", field: "caraPerolehan" });
  });
  it("an extension: 1–7 working days with written reasons", () => {
    for (const hari of [0, 8, 1.5])
      expect(firstProblem(Perpanjangan, { hari, alasan: "Dokumen di arsip pusat." })).toMatchObject({
        code: "PERPANJANGAN_TERLALU_LAMA",
        message: "Perpanjangan paling lama 7 hari kerja.",
        field: "hari",
      });
    expect(firstProblem(Perpanjangan, { hari: 7, alasan: "" })).toMatchObject({
      code: "ALASAN_REQUIRED",
      message: "Alasan tertulis perpanjangan wajib diisi (minimal 10 karakter).",
      field: "alasan",
    });
  });
  it("an answer: a refusal cites a Pasal 17 letter and its consequence test; cost 0 or more", () => {
    expect(parseInput(Jawaban, { catatan: "Terlampir.", biaya: null })).toEqual({ catatan: "Terlampir.", biaya: 0 });
    expect(firstProblem(Jawaban, { catatan: "Ok", biaya: 0 })).toMatchObject({
      code: "CATATAN_REQUIRED",
      message: "Isi jawaban tertulis wajib diisi (minimal 5 karakter).",
    });
    expect(firstProblem(Jawaban, { catatan: "Terlampir.", biaya: -1 })).toMatchObject({
      code: "BIAYA_INVALID",
      message: "Biaya (hanya biaya salinan) harus 0 atau lebih.",
      field: "biaya",
    });
    const tolak = { catatan: "Dikecualikan.", pasalPengecualian: " H ", ujiKonsekuensi: "Membuka dokumen mengungkap rahasia pribadi." };
    expect(parseInput(JawabanDikecualikan, tolak)).toMatchObject({ pasalPengecualian: "h", biaya: 0 });
    for (const pasalPengecualian of [undefined, "", "k", "constructor"]) {
      expect(firstProblem(JawabanDikecualikan, { ...tolak, pasalPengecualian })).toMatchObject({ code: "PENGECUALIAN_REQUIRED", field: "pasalPengecualian" });
    }
    expect(firstProblem(JawabanDikecualikan, { ...tolak, ujiKonsekuensi: undefined })).toMatchObject({
      code: "UJIKONSEKUENSI_REQUIRED",
      message: "Uraian uji konsekuensi wajib diisi (minimal 20 karakter).",
      field: "ujiKonsekuensi",
    });
  });
});
