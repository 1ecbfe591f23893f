import { describe, expect, it } from "vitest";
import { AKSI, allowedActions, isFinal, next, type Aksi, type Pelaku } from "./transitions";
import type { PengajuanStatus } from "../../generated/prisma/enums";

const STATES: PengajuanStatus[] = ["DRAFT", "DIAJUKAN", "PERLU_PERBAIKAN", "DIVERIFIKASI", "DIPROSES", "SELESAI", "SIAP_DIAMBIL", "DIAMBIL", "DITOLAK", "DIBATALKAN"];
const PELAKU: Pelaku[] = ["PEMOHON", "STAF"];

// The whole table written out by hand: every allowed (actor, state, action) and its result. Anything not listed is refused.
const ALLOWED: Array<[Pelaku, PengajuanStatus, Aksi, PengajuanStatus]> = [
  ["PEMOHON", "DRAFT", "AJUKAN", "DIAJUKAN"],
  ["PEMOHON", "PERLU_PERBAIKAN", "AJUKAN", "DIAJUKAN"],
  ["PEMOHON", "DRAFT", "BATALKAN", "DIBATALKAN"],
  ["PEMOHON", "DIAJUKAN", "BATALKAN", "DIBATALKAN"],
  ["PEMOHON", "PERLU_PERBAIKAN", "BATALKAN", "DIBATALKAN"],
  ["PEMOHON", "DIVERIFIKASI", "BATALKAN", "DIBATALKAN"],
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
];

describe("pengajuan transitions: every actor × state × action", () => {
  const cells = PELAKU.flatMap((p) => STATES.flatMap((s) => AKSI.map((a) => [p, s, a] as const)));
  it(`covers all ${PELAKU.length * STATES.length * AKSI.length} cells`, () => {
    expect(cells.length).toBe(2 * 10 * 9);
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
    expect(allowedActions("STAF", "DIAJUKAN")).toEqual(["MINTA_PERBAIKAN", "VERIFIKASI", "TOLAK"]);
    expect(allowedActions("PEMOHON", "PERLU_PERBAIKAN")).toEqual(["AJUKAN", "BATALKAN"]);
  });
});
