import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { type TestApp, globalId, makeNik } from "./app";

/**
 * Set-ups of the letter tests (tests/surat/alur-surat.test.ts, tests/e2e/surat.e2e.test.ts): a request of
 * Jogonalan's seeded "Rekomendasi Dispensasi Menikah" (its letter template seeded with it) already in process, and
 * poppler's pdfsig on a PDF.
 */
let seqNomor = 0;

/** A request of the seeded service, verified and in process (how it gets there: tests/pengajuan/flow.test.ts). */
export async function pengajuanDiproses(
  t: TestApp,
  o: { layananId: string; instansiId: string; pemohonId: string; pengiriman?: "UNDUH" | "AMBIL"; nikCalonPria?: string },
) {
  const now = new Date();
  const row = await t.db.prisma.pengajuan.create({
    data: {
      layananId: o.layananId,
      instansiId: o.instansiId,
      pemohonId: o.pemohonId,
      status: "DIPROSES",
      pengiriman: o.pengiriman ?? "UNDUH",
      nomorRegistrasi: `JGN/2026/9${String(process.pid % 100).padStart(2, "0")}${String(++seqNomor).padStart(4, "0")}`,
      diajukanAt: now,
      diverifikasiAt: now,
      slaMulaiAt: now,
      tenggat: new Date(now.getTime() + 3 * 86_400_000),
      formData: {
        namaCalonPria: "Budi Santoso",
        nikCalonPria: o.nikCalonPria ?? makeNik(),
        tanggalLahirCalonPria: "2007-03-14",
        namaCalonWanita: "Sri Lestari",
        nikCalonWanita: makeNik(true),
        tanggalLahirCalonWanita: "2008-01-02",
        rencanaTanggalNikah: "2027-02-14",
        desaAsal: "Desa Prawatan",
        nomorWa: "081234567890",
      },
      seq: 3,
      riwayat: {
        create: [
          { seq: 1, aksi: "AJUKAN", keStatus: "DIAJUKAN" },
          { seq: 2, aksi: "VERIFIKASI", keStatus: "DIVERIFIKASI" },
          { seq: 3, aksi: "PROSES", keStatus: "DIPROSES" },
        ],
      },
    },
  });
  return { ...row, gid: globalId("Pengajuan", row.id) };
}

export const PDFSIG = "/usr/bin/pdfsig";

/** pdfsig's report of a PDF (it exits non-zero when a signature does not validate: the report is what is checked). */
export async function pdfsig(pdf: Buffer, tmpDir: string): Promise<string> {
  const file = path.join(tmpDir, `s-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const r = await promisify(execFile)(PDFSIG, [file]).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? "" }));
  return `${r.stdout}\n${r.stderr}`;
}
