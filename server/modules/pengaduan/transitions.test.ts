import { describe, expect, it } from "vitest";
import { AKSI_PENGADUAN, aksiPengaduanTersedia, nextPengaduan, type AksiPengaduan, type PelakuPengaduan } from "./transitions";
import type { PengaduanStatus } from "../../generated/prisma/enums";

const STATES: PengaduanStatus[] = ["DITERIMA", "DIVERIFIKASI", "DITOLAK", "DITINDAKLANJUTI", "SELESAI"];
const PELAKU: PelakuPengaduan[] = ["PELAPOR", "STAF"];
const ALLOWED: Array<[PelakuPengaduan, PengaduanStatus, AksiPengaduan, PengaduanStatus]> = [
  ["STAF", "DITERIMA", "VERIFIKASI", "DIVERIFIKASI"],
  ["STAF", "DITERIMA", "TOLAK", "DITOLAK"],
  ["STAF", "DIVERIFIKASI", "TINDAK_LANJUT", "DITINDAKLANJUTI"],
  ["STAF", "DITINDAKLANJUTI", "TINDAK_LANJUT", "DITINDAKLANJUTI"],
  ["STAF", "DITINDAKLANJUTI", "SELESAIKAN", "SELESAI"],
  ["PELAPOR", "SELESAI", "TIDAK_PUAS", "DIVERIFIKASI"],
];

describe("complaint transitions: every actor × state × action, before and after a reopening", () => {
  const cells = PELAKU.flatMap((p) => STATES.flatMap((s) => AKSI_PENGADUAN.flatMap((a) => [false, true].map((re) => [p, s, a, re] as const))));
  it("has 2 × 5 × 5 × 2 cells", () => expect(cells.length).toBe(100));
  it.each(cells)("%s in %s: %s (reopened before: %s)", (p, s, a, re) => {
    let expected = ALLOWED.find(([pp, ss, aa]) => pp === p && ss === s && aa === a)?.[3] ?? null;
    if (a === "TIDAK_PUAS" && re) expected = null; // once only
    expect(nextPengaduan(p, s, a, re)).toBe(expected);
  });
  it("lists the desk's buttons", () => {
    expect(aksiPengaduanTersedia("STAF", "DITERIMA", false)).toEqual(["VERIFIKASI", "TOLAK"]);
    expect(aksiPengaduanTersedia("PELAPOR", "SELESAI", false)).toEqual(["TIDAK_PUAS"]);
    expect(aksiPengaduanTersedia("PELAPOR", "SELESAI", true)).toEqual([]);
  });
});
