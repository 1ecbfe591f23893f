import { describe, expect, it } from "vitest";
import { AKSI, TRANSITIONS, allowedActions, dapatDiubah, isFinal, next, type Aksi, type Pelaku, type Perlu } from "./transitions";
import type { PengajuanStatus } from "../../generated/prisma/enums";

const STATES: PengajuanStatus[] = [
  "DRAFT",
  "DIAJUKAN",
  "PERLU_PERBAIKAN",
  "MENUNGGU_KUNJUNGAN",
  "DIVERIFIKASI",
  "DIPROSES",
  "MENUNGGU_TTD",
  "SELESAI",
  "SIAP_DIAMBIL",
  "DIAMBIL",
  "DITOLAK",
  "DIBATALKAN",
];
const PELAKU: Pelaku[] = ["PEMOHON", "STAF", "PENANDATANGAN"];

// The whole table written out by hand: every allowed (actor, state, action) and its result. Anything not listed is refused.
const ALLOWED: Array<[Pelaku, PengajuanStatus, Aksi, PengajuanStatus]> = [
  ["PEMOHON", "DRAFT", "AJUKAN", "DIAJUKAN"],
  ["PEMOHON", "PERLU_PERBAIKAN", "AJUKAN", "DIAJUKAN"],
  ["PEMOHON", "DRAFT", "BATALKAN", "DIBATALKAN"],
  ["PEMOHON", "DIAJUKAN", "BATALKAN", "DIBATALKAN"],
  ["PEMOHON", "PERLU_PERBAIKAN", "BATALKAN", "DIBATALKAN"],
  ["PEMOHON", "DIVERIFIKASI", "BATALKAN", "DIBATALKAN"],
  ["PEMOHON", "MENUNGGU_KUNJUNGAN", "BATALKAN", "DIBATALKAN"],
  ["STAF", "DIAJUKAN", "MINTA_KUNJUNGAN", "MENUNGGU_KUNJUNGAN"],
  ["STAF", "DIVERIFIKASI", "MINTA_KUNJUNGAN", "MENUNGGU_KUNJUNGAN"],
  ["STAF", "DIPROSES", "MINTA_KUNJUNGAN", "MENUNGGU_KUNJUNGAN"],
  ["STAF", "MENUNGGU_KUNJUNGAN", "VERIFIKASI", "DIVERIFIKASI"],
  ["STAF", "MENUNGGU_KUNJUNGAN", "PROSES", "DIPROSES"],
  ["STAF", "MENUNGGU_KUNJUNGAN", "MINTA_PERBAIKAN", "PERLU_PERBAIKAN"],
  ["STAF", "MENUNGGU_KUNJUNGAN", "TOLAK", "DITOLAK"],
  ["STAF", "DIAJUKAN", "VERIFIKASI", "DIVERIFIKASI"],
  ["STAF", "DIAJUKAN", "MINTA_PERBAIKAN", "PERLU_PERBAIKAN"],
  ["STAF", "DIVERIFIKASI", "MINTA_PERBAIKAN", "PERLU_PERBAIKAN"],
  ["STAF", "DIPROSES", "MINTA_PERBAIKAN", "PERLU_PERBAIKAN"],
  ["STAF", "DIVERIFIKASI", "PROSES", "DIPROSES"],
  ["STAF", "DIPROSES", "SELESAIKAN", "SELESAI"],
  ["STAF", "DIPROSES", "SIAPKAN_PENGAMBILAN", "SIAP_DIAMBIL"],
  ["STAF", "SIAP_DIAMBIL", "SERAHKAN", "DIAMBIL"],
  ["STAF", "DIAJUKAN", "TOLAK", "DITOLAK"],
  ["STAF", "PERLU_PERBAIKAN", "TOLAK", "DITOLAK"],
  ["STAF", "DIVERIFIKASI", "TOLAK", "DITOLAK"],
  ["STAF", "DIPROSES", "TOLAK", "DITOLAK"],
  ["STAF", "DIPROSES", "AJUKAN_TTD", "MENUNGGU_TTD"],
  // the table's `ke`; a request collected at the office goes to SIAP_DIAMBIL instead (keJikaAmbil, below)
  ["PENANDATANGAN", "MENUNGGU_TTD", "TANDATANGANI", "SELESAI"],
  ["PENANDATANGAN", "MENUNGGU_TTD", "KEMBALIKAN_SURAT", "DIPROSES"],
];

describe("pengajuan transitions: every actor × state × action", () => {
  const cells = PELAKU.flatMap((p) => STATES.flatMap((s) => AKSI.map((a) => [p, s, a] as const)));
  it(`covers all ${PELAKU.length * STATES.length * AKSI.length} cells`, () => {
    expect(cells.length).toBe(3 * 12 * 13);
  });
  it.each(cells)("%s in %s: %s", (pelaku, status, aksi) => {
    const expected = ALLOWED.find(([p, s, a]) => p === pelaku && s === status && a === aksi)?.[3] ?? null;
    expect(next(pelaku, status, aksi)).toBe(expected);
  });
});

describe("derived rules", () => {
  it("final states allow nothing, for anyone", () => {
    for (const s of STATES.filter(isFinal)) for (const p of PELAKU) expect(allowedActions(p, s)).toEqual([]);
    expect(STATES.filter(isFinal)).toEqual(["SELESAI", "DIAMBIL", "DITOLAK", "DIBATALKAN"]);
  });
  it("the applicant cannot cancel once processing has started", () => {
    for (const s of ["DIPROSES", "SIAP_DIAMBIL"] as const) expect(next("PEMOHON", s, "BATALKAN")).toBeNull();
  });
  it("staff cannot reject after the result is ready", () => {
    for (const s of ["SELESAI", "SIAP_DIAMBIL", "DIAMBIL"] as const) expect(next("STAF", s, "TOLAK")).toBeNull();
  });
  it("lists the buttons an officer sees on a submitted request", () => {
    expect(allowedActions("STAF", "DIAJUKAN")).toEqual(["MINTA_PERBAIKAN", "MINTA_KUNJUNGAN", "VERIFIKASI", "TOLAK"]);
    expect(allowedActions("STAF", "MENUNGGU_KUNJUNGAN")).toEqual(["MINTA_PERBAIKAN", "VERIFIKASI", "PROSES", "TOLAK"]);
    expect(allowedActions("PEMOHON", "PERLU_PERBAIKAN")).toEqual(["AJUKAN", "BATALKAN"]);
  });
});

describe("what each action needs, as the table declares it", () => {
  // written out by hand: an action not listed needs nothing but the state
  const PERLU: Partial<Record<Aksi, Perlu>> = {
    AJUKAN: { berkasLengkap: true },
    MINTA_PERBAIKAN: { pesan: "PERBAIKAN" },
    MINTA_KUNJUNGAN: { pesan: "KUNJUNGAN", kunjungan: true },
    SELESAIKAN: { hasil: true },
    SERAHKAN: { pengambil: true },
    TOLAK: { pesan: "ALASAN" },
    AJUKAN_TTD: { surat: true },
    TANDATANGANI: { surat: true },
    KEMBALIKAN_SURAT: { pesan: "CATATAN", surat: true },
  };
  it.each(AKSI)("%s", (aksi) => {
    expect(TRANSITIONS[aksi].perlu).toEqual(PERLU[aksi] ?? {});
  });
  it("a signed letter is delivered or waits for pickup; the letter's steps are taken only with the letter", () => {
    expect(TRANSITIONS.TANDATANGANI.keJikaAmbil).toBe("SIAP_DIAMBIL");
    expect(AKSI.filter((a) => TRANSITIONS[a].keJikaAmbil)).toEqual(["TANDATANGANI"]);
    expect(AKSI.filter((a) => TRANSITIONS[a].perlu.surat)).toEqual(["AJUKAN_TTD", "TANDATANGANI", "KEMBALIKAN_SURAT"]);
  });
  it("a reason is asked only of staff, and only when the request goes back to the applicant (to fix, or to visit) or is refused", () => {
    for (const a of AKSI.filter((a) => TRANSITIONS[a].perlu.pesan && TRANSITIONS[a].perlu.pesan !== "CATATAN")) {
      expect(TRANSITIONS[a].pelaku).toBe("STAF");
      expect(["PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN", "DITOLAK"]).toContain(TRANSITIONS[a].ke);
    }
  });
  it("the applicant edits the form and documents of a draft or of a request sent back, and submits only from those", () => {
    expect(STATES.filter(dapatDiubah)).toEqual(["DRAFT", "PERLU_PERBAIKAN"]);
    expect(TRANSITIONS.AJUKAN.dari.every(dapatDiubah)).toBe(true);
  });
});
