// @vitest-environment happy-dom
// (mermaid's parser needs a DOM to load; the catalogue itself is plain data)
import { describe, expect, it } from "vitest";
import type { FormFieldType, SlaSatuan } from "../../generated/prisma/enums";
import { MASPECI_HOURS } from "../calendar/working-time";
import { parseKode } from "../instansi/rules";
import { SP_COMPONENTS } from "../../shared/layanan-editor";
import { MIME_DOKUMEN, loadCatalogue, parseSeedFile, type SeedFormFieldType, type SeedInstansi, type SeedLayanan, type SeedSlaSatuan } from "./catalogue-seed";

const { CATALOGUE, ASUMSI } = loadCatalogue();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const byKode = (kode: string) => {
  const entry = CATALOGUE.find((c) => c.instansi.kode === kode);
  if (!entry) throw new Error(`instansi ${kode} missing`);
  return entry;
};
const layanan = (instansi: string, kode: string): SeedLayanan => {
  const l = byKode(instansi).layanan.find((x) => x.kode === kode);
  if (!l) throw new Error(`layanan ${instansi}/${kode} missing`);
  return l;
};
const all = CATALOGUE.flatMap((c) => c.layanan.map((l) => ({ instansi: c.instansi.kode, l })));

/** The 14 components of a Standar Pelayanan, as columns (persyaratan and jangka waktu checked apart). */
const KOMPONEN_TEKS = SP_COMPONENTS satisfies ReadonlyArray<keyof SeedLayanan>;

/**
 * Node ids of a mermaid flowchart: those given a shape (`A[..]`, `A([..])`, `A{..}`, `A((..))`) and those
 * referenced on either side of an edge.
 */
function flowchartNodes(src: string): { defined: Set<string>; referenced: Set<string> } {
  const defined = new Set<string>();
  const referenced = new Set<string>();
  const shape = /\b([A-Za-z][\w]*)\s*(\(\[[^\]]*\]\)|\(\([^)]*\)\)|\[[^\]]*\]|\{[^}]*\})/g;
  for (const raw of src.split("\n").slice(1)) {
    const line = raw.replace(/"[^"]*"/g, "").trim();
    if (!line) continue;
    for (const m of line.matchAll(shape)) defined.add(m[1]!);
    const ids = line.replace(shape, "$1").split(/\s*(?:-->|---|--)\s*/);
    for (const id of ids.map((s) => s.trim()).filter(Boolean)) referenced.add(id);
  }
  return { defined, referenced };
}

describe("catalogue seed: shape", () => {
  it("mirrors the Prisma enums", () => {
    const fieldTypes: Same<SeedFormFieldType, FormFieldType> = true;
    const units: Same<SeedSlaSatuan, SlaSatuan> = true;
    expect([fieldTypes, units]).toEqual([true, true]);
  });

  it("holds the four offices with valid, unique codes and prefixes", () => {
    expect(CATALOGUE.map((c) => c.instansi.kode)).toEqual(["KEC-JOGONALAN", "KOMINFO-KOTA-MADIUN", "KOMINFO-KOTA-PKL", "KMG-MADIUN"]);
    expect(CATALOGUE.map((c) => c.instansi.prefixNomor)).toEqual(["JGN", "DKM", "PKL", "KMG"]);
    for (const { instansi } of CATALOGUE) {
      expect(parseKode(instansi.kode)).toBe(instansi.kode);
      expect(instansi.prefixNomor).toMatch(/^[A-Z]{2,5}$/);
      expect(instansi.nama.trim()).not.toBe("");
      expect(instansi.zonaWaktu).toBe("Asia/Jakarta");
      if (instansi.website) expect(instansi.website).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/);
      if (instansi.email) expect(instansi.email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/);
    }
  });

  it("gives every office valid, non-overlapping opening hours", () => {
    const valid = (jam: SeedInstansi["jamLayanan"]) => {
      expect(jam.length).toBeGreaterThan(0);
      const sorted = [...jam].sort((a, b) => a.hari - b.hari || a.buka - b.buka);
      sorted.forEach((j, i) => {
        expect(Number.isInteger(j.buka) && Number.isInteger(j.tutup)).toBe(true);
        expect(j.buka).toBeGreaterThanOrEqual(0);
        expect(j.tutup).toBeLessThanOrEqual(24 * 60);
        expect(j.tutup).toBeGreaterThan(j.buka);
        if (i > 0 && sorted[i - 1]!.hari === j.hari) expect(j.buka).toBeGreaterThanOrEqual(sorted[i - 1]!.tutup);
      });
    };
    for (const { instansi } of CATALOGUE) valid(instansi.jamLayanan);
  });

  it("gives Kemenag Madiun the MasPeci contact details and hours", () => {
    const { instansi } = byKode("KMG-MADIUN");
    expect(instansi).toMatchObject({
      nama: "Kantor Kementerian Agama Kabupaten Madiun",
      prefixNomor: "KMG",
      alamat: "Jl. Panglima Sudirman No. 5 Mejayan",
      telepon: "082245552687",
      email: "otala.kabmadiun@gmail.com",
      website: "https://maspeciv2.kankemenagkabmadiun.com",
    });
    expect(instansi.jamLayanan).toEqual(MASPECI_HOURS.map((h) => ({ hari: h.weekday, buka: h.open, tutup: h.close })));
  });

  it("uses unique uppercase-hyphen service codes per office", () => {
    for (const { instansi, layanan: ls } of CATALOGUE) {
      const kodes = ls.map((l) => l.kode);
      expect(new Set(kodes).size, instansi.kode).toBe(kodes.length);
      for (const k of kodes) expect(k).toMatch(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/);
      for (const k of kodes) expect(k.length).toBeLessThanOrEqual(40);
    }
  });

  it("counts services: Jogonalan 1, Madiun 4, Pekalongan 4, Kemenag exactly 31", () => {
    expect(byKode("KEC-JOGONALAN").layanan).toHaveLength(1);
    expect(byKode("KOMINFO-KOTA-MADIUN").layanan).toHaveLength(4);
    expect(byKode("KOMINFO-KOTA-PKL").layanan).toHaveLength(4);
    expect(byKode("KMG-MADIUN").layanan).toHaveLength(31);
    expect(new Set(byKode("KMG-MADIUN").layanan.map((l) => l.nama)).size).toBe(31);
  });

  it("marks as examples exactly what the sources do not state", () => {
    for (const { instansi, l } of all) {
      const real = instansi === "KEC-JOGONALAN" || instansi === "KOMINFO-KOTA-MADIUN";
      expect(l.contoh, `${instansi}/${l.kode}`).toBe(!real);
    }
  });

  it("keeps complaints out of the Pekalongan catalogue (separate module)", () => {
    const pkl = byKode("KOMINFO-KOTA-PKL").layanan;
    expect(pkl.map((l) => l.kode)).toEqual(["GANGGUAN-JARINGAN", "DOMAIN-HOSTING", "SERTIFIKAT-ELEKTRONIK", "PERMOHONAN-INFORMASI"]);
    expect(pkl.some((l) => /pengaduan/i.test(l.nama))).toBe(false);
  });
});

describe("catalogue seed: every service is a complete Standar Pelayanan", () => {
  it.each(all.map(({ instansi, l }) => [`${instansi}/${l.kode}`, l] as const))("%s", (_, l) => {
    expect(l.nama.trim()).not.toBe("");
    expect(l.kategori.trim()).not.toBe("");
    expect(l.deskripsi.trim()).not.toBe("");
    for (const k of KOMPONEN_TEKS) expect(l[k].trim(), k).not.toBe("");
    // jangka waktu: a positive whole amount in a known unit
    expect(Number.isInteger(l.slaJumlah) && l.slaJumlah > 0).toBe(true);
    expect(["MENIT", "JAM_KERJA", "HARI_KERJA"]).toContain(l.slaSatuan);
    // biaya: free everywhere in these sources
    expect(l.biaya).toBe(0);
    // the result can be delivered somehow
    expect(l.unduhOnline || l.ambilDiKantor).toBe(true);
    if (l.prosedurFlowchart !== null) expect(l.prosedurFlowchart.startsWith("graph TD\n")).toBe(true);
  });

  it("gives every document slot a label, allowed types and a size limit", () => {
    for (const { instansi, l } of all) {
      const labels = l.persyaratan.map((p) => p.label.trim());
      expect(
        labels.every((x) => x.length > 0),
        `${instansi}/${l.kode}`,
      ).toBe(true);
      expect(new Set(labels).size, `${instansi}/${l.kode}`).toBe(labels.length);
      for (const p of l.persyaratan) {
        for (const t of p.jenisFile ?? MIME_DOKUMEN) expect(MIME_DOKUMEN).toContain(t);
        if (p.maksBytes !== undefined) expect(p.maksBytes).toBeGreaterThan(0);
        if (p.maksBytes !== undefined) expect(p.maksBytes).toBeLessThanOrEqual(10 * 1024 * 1024);
      }
    }
  });

  it("keeps Kemenag slots to PDF/JPG/PNG up to 2 MB (MasPeci 5.4) with at least one required document", () => {
    for (const l of byKode("KMG-MADIUN").layanan) {
      expect(
        l.persyaratan.some((p) => p.wajib),
        l.kode,
      ).toBe(true);
      for (const p of l.persyaratan) {
        expect(p.maksBytes, `${l.kode}/${p.label}`).toBe(2 * 1024 * 1024);
        expect(p.jenisFile!.length).toBeGreaterThan(0);
      }
      expect(l.biayaKeterangan).toMatch(/^Tidak dipungut biaya/);
      expect(l.formFields.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("has legalisation services collected at the office", () => {
    const legal = byKode("KMG-MADIUN").layanan.filter((l) => l.kode.startsWith("LEGALISASI-"));
    expect(legal.length).toBeGreaterThanOrEqual(3);
    for (const l of legal) expect([l.kode, l.ambilDiKantor, l.unduhOnline]).toEqual([l.kode, true, false]);
  });

  it("defines usable form fields", () => {
    for (const { instansi, l } of all) {
      const names = l.formFields.map((f) => f.nama);
      expect(new Set(names).size, `${instansi}/${l.kode}`).toBe(names.length);
      for (const f of l.formFields) {
        const where = `${instansi}/${l.kode}/${f.nama}`;
        expect(f.nama, where).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(f.label.trim(), where).not.toBe("");
        if (f.tipe === "SELECT") expect(f.opsi?.length ?? 0, where).toBeGreaterThan(1);
        else expect(f.opsi, where).toBeUndefined();
        if (f.min !== undefined && f.max !== undefined) expect(f.min, where).toBeLessThanOrEqual(f.max);
        // the server validator anchors the pattern like this
        if (f.pola !== undefined) expect(() => new RegExp(`^(?:${f.pola})$`, "u"), where).not.toThrow();
      }
    }
  });

  it("patterns accept their documented examples", () => {
    const pola = (instansi: string, kode: string, nama: string) =>
      new RegExp(`^(?:${layanan(instansi, kode).formFields.find((f) => f.nama === nama)!.pola})$`, "u");
    expect(pola("KMG-MADIUN", "USUL-PENSIUN", "nip").test("196608011988031001")).toBe(true);
    expect(pola("KMG-MADIUN", "USUL-PENSIUN", "nip").test("19660801 198803 1 001")).toBe(false);
    expect(pola("KMG-MADIUN", "PEMBATALAN-PORSI-HAJI", "nomorPorsi").test("1300012345")).toBe(true);
    expect(pola("KOMINFO-KOTA-PKL", "DOMAIN-HOSTING", "namaSubdomain").test("dinkes")).toBe(true);
    expect(pola("KOMINFO-KOTA-PKL", "DOMAIN-HOSTING", "namaSubdomain").test("-dinkes")).toBe(false);
    expect(pola("KOMINFO-KOTA-PKL", "SERTIFIKAT-ELEKTRONIK", "emailDinas").test("budi@diskominfo.pekalongankota.go.id")).toBe(true);
    expect(pola("KOMINFO-KOTA-PKL", "SERTIFIKAT-ELEKTRONIK", "emailDinas").test("budi@gmail.com")).toBe(false);
    expect(pola("KOMINFO-KOTA-MADIUN", "VERIFIKASI-PENYEDIA", "npwpBadanUsaha").test("01.234.567.8-901.000")).toBe(true);
    expect(pola("KOMINFO-KOTA-MADIUN", "VERIFIKASI-PENYEDIA", "npwpBadanUsaha").test("0012345678901000")).toBe(true);
    expect(pola("KOMINFO-KOTA-MADIUN", "VERIFIKASI-PENYEDIA", "npwpBadanUsaha").test("1234")).toBe(false);
  });

  it("flags health documents as specific personal data", () => {
    const health = all.flatMap(({ l }) => l.persyaratan).filter((p) => /sehat|sakit/i.test(p.label));
    expect(health.length).toBeGreaterThanOrEqual(2);
    for (const p of health) expect(p.keterangan).toMatch(/UU Nomor 27 Tahun 2022/);
  });
});

describe("catalogue seed: Jogonalan matches its published standard (seed 002)", () => {
  const l = layanan("KEC-JOGONALAN", "DISPENSASI-MENIKAH");

  it("names, timing and staffing", () => {
    expect(l.nama).toBe("Rekomendasi Dispensasi Menikah (Online)");
    expect(l.contoh).toBe(false);
    expect([l.slaJumlah, l.slaSatuan]).toEqual([15, "MENIT"]);
    expect(l.jangkaWaktuKeterangan).toBe("15 Menit Setelah Berkas dinyatakan Lengkap");
    expect(l.jumlahPelaksana).toBe("3 Orang");
    expect(l.produkLayanan).toBe("Pelayanan Dispensasi Menikah Online");
    expect(l.biaya).toBe(0);
  });

  it("five required documents, in order", () => {
    expect(l.persyaratan.map((p) => [p.label, p.wajib])).toEqual([
      ["Surat Pengantar dari Desa", true],
      ["KK/KTP Calon Pengantin", true],
      ["KK/KTP Orang Tua Pengantin", true],
      ["Surat Pengantar Permohonan Dispensasi dari KUA", true],
      ["Surat Keterangan Sehat dari Puskesmas", true],
    ]);
    expect(l.persyaratan[4]!.keterangan).toMatch(/spesifik.*27 Tahun 2022/);
  });

  it("legal basis, procedure and the other components", () => {
    expect(l.dasarHukum.match(/^\d+\. /gm)).toHaveLength(7);
    expect(l.dasarHukum).toContain("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik");
    expect(l.dasarHukum).toContain("Peraturan Bupati Klaten Nomor 90 Tahun 2019");
    expect(l.prosedur.split("\n")).toHaveLength(4);
    expect(l.prosedur).toContain("Aplikasi Srikandi");
    expect(l.saranaPrasarana.match(/^\d+\. /gm)).toHaveLength(12);
    expect(l.jaminanPelayanan).toContain("Peraturan Bupati Klaten Nomor 57 Tahun 2018");
    expect(l.jaminanKeamanan.match(/^\d+\. /gm)).toHaveLength(10);
    expect(l.evaluasiKinerja).toContain("6 (enam) bulan sekali");
    expect(l.kompetensiPelaksana).toContain("D III Arsiparis/Perhotelan/Administrasi/Teknik Informatika");
    expect(l.pengawasanInternal).toContain("Supervisi Atasan Langsung");
  });

  it("all four complaint channels with their numbers and website", () => {
    for (const s of [
      "1. Pengaduan Secara Langsung",
      "2. Kotak Saran Dan Masukan",
      "3. Melalui Telp 0272 321432 SMS/WA pada nomor 0895367644010",
      "4. Melalui Website dengan alamat: https://jogonalan.klaten.go.id/",
      "Via WA KITA",
    ]) {
      expect(l.penangananPengaduan).toContain(s);
    }
  });

  it("asks for both spouses' NIK with the NIK type", () => {
    const tipe = Object.fromEntries(l.formFields.map((f) => [f.nama, f.tipe]));
    expect(tipe).toMatchObject({
      nikCalonPria: "NIK",
      nikCalonWanita: "NIK",
      rencanaTanggalNikah: "DATE",
      tanggalLahirCalonPria: "DATE",
      tanggalLahirCalonWanita: "DATE",
      nomorWa: "PHONE",
    });
  });
});

describe("catalogue seed: Diskominfo Kota Madiun (seed 004)", () => {
  const madiun = byKode("KOMINFO-KOTA-MADIUN").layanan;

  it("PPID: 10 working days, extension of 7 explained", () => {
    const l = layanan("KOMINFO-KOTA-MADIUN", "INFORMASI-PUBLIK");
    expect([l.slaJumlah, l.slaSatuan]).toEqual([10, "HARI_KERJA"]);
    expect(l.jangkaWaktuKeterangan).toContain("7 (tujuh) hari kerja");
    expect(l.produkLayanan).toBe("Pemenuhan permohonan informasi publik");
  });

  it("LPSE services: times, documents and contacts as published", () => {
    const helpdesk = layanan("KOMINFO-KOTA-MADIUN", "HELPDESK-LPSE");
    expect([helpdesk.slaJumlah, helpdesk.slaSatuan, helpdesk.jangkaWaktuKeterangan]).toEqual([30, "MENIT", "Kurang lebih 30 menit"]);
    expect(helpdesk.penangananPengaduan).toContain("SMS Center 08113351000");

    const verif = layanan("KOMINFO-KOTA-MADIUN", "VERIFIKASI-PENYEDIA");
    expect([verif.slaJumlah, verif.slaSatuan]).toEqual([15, "MENIT"]);
    expect(verif.persyaratan).toHaveLength(8);
    expect(verif.persyaratan.map((p) => p.label)[0]).toBe("KTP Direktur");
    expect(verif.persyaratan.find((p) => p.label === "Surat Kuasa bermaterai")!.wajib).toBe(false);
    expect(verif.produkLayanan).toBe("Aktivasi User ID Penyedia pada sistem e-proc");

    const latih = layanan("KOMINFO-KOTA-MADIUN", "PELATIHAN-SPSE");
    expect([latih.slaJumlah, latih.slaSatuan]).toEqual([5, "JAM_KERJA"]);
    expect(latih.jangkaWaktuKeterangan).toContain("2 sampai 5 jam per pelatihan");
  });

  it("flowcharts: graph TD, every referenced node defined, parsed by mermaid", async () => {
    const charts = madiun.filter((l) => l.prosedurFlowchart !== null);
    expect(charts.map((l) => l.kode)).toEqual(["HELPDESK-LPSE", "VERIFIKASI-PENYEDIA", "PELATIHAN-SPSE"]);
    const mermaid = (await import("mermaid")).default;
    for (const l of charts) {
      const src = l.prosedurFlowchart!;
      expect(src.split("\n")[0]).toBe("graph TD");
      const { defined, referenced } = flowchartNodes(src);
      expect(defined.size, l.kode).toBeGreaterThan(2);
      for (const id of referenced) expect(defined.has(id), `${l.kode}: node ${id}`).toBe(true);
      for (const id of defined) expect(referenced.has(id), `${l.kode}: node ${id} unconnected`).toBe(true);
      await expect(mermaid.parse(src), l.kode).resolves.toBeTruthy();
    }
  });

  it("the node checker catches an undefined node", () => {
    const { defined, referenced } = flowchartNodes("graph TD\n  A[x] --> B[y]\n  B --> C");
    expect([...referenced].filter((id) => !defined.has(id))).toEqual(["C"]);
  });
});

describe("catalogue seed: assumptions are listed against real entries", () => {
  it("every ASUMSI row names an existing office, service and field", () => {
    const sample = CATALOGUE[0]!;
    const fields = new Set([...Object.keys(sample.instansi), ...Object.keys(sample.layanan[0]!)]);
    for (const a of ASUMSI) {
      const entry = byKode(a.instansi);
      if (a.layanan)
        expect(
          entry.layanan.some((l) => l.kode === a.layanan),
          `${a.instansi}/${a.layanan}`,
        ).toBe(true);
      expect(a.bagian.length).toBeGreaterThan(0);
      for (const b of a.bagian) expect(fields.has(b), `${a.instansi}: ${b}`).toBe(true);
      expect(a.alasan.trim()).not.toBe("");
    }
  });

  it("documents every office whose opening hours were not in its source", () => {
    for (const kode of ["KEC-JOGONALAN", "KOMINFO-KOTA-MADIUN", "KOMINFO-KOTA-PKL"]) {
      expect(
        ASUMSI.some((a) => a.instansi === kode && !a.layanan && a.bagian.includes("jamLayanan")),
        kode,
      ).toBe(true);
    }
  });
});

describe("catalogue seed: the files are checked when loaded", () => {
  const file = (over: Record<string, unknown>) =>
    JSON.stringify({
      instansi: {
        kode: "KEC-UJI",
        nama: "Kecamatan Uji",
        prefixNomor: "UJI",
        alamat: "",
        telepon: "",
        email: "",
        website: "",
        zonaWaktu: "Asia/Jakarta",
        jamLayanan: [{ hari: 1, buka: "08:00", tutup: "15:00" }],
      },
      layanan: [],
      asumsi: [],
      ...over,
    });

  it("reads lines, hours and the file's defaults", () => {
    const layanan = {
      kode: "SKTM",
      nama: "Surat Keterangan",
      kategori: "Umum",
      deskripsi: ["a", "b"],
      slaJumlah: 1,
      slaSatuan: "HARI_KERJA",
      persyaratan: [],
      formFields: [],
      catatan: "hanya untuk penyunting",
    };
    const bawaan = Object.fromEntries(KOMPONEN_TEKS.map((k) => [k, k])) as Record<string, unknown>;
    Object.assign(bawaan, { contoh: true, prosedurFlowchart: null, biaya: 0, unduhOnline: true, ambilDiKantor: false, dasarHukum: "bawaan" });
    const { katalog } = parseSeedFile("09-kec-uji.json", file({ bawaanLayanan: bawaan, layanan: [{ ...layanan, dasarHukum: "sendiri" }] }));
    expect(katalog.instansi.jamLayanan).toEqual([{ hari: 1, buka: 480, tutup: 900 }]);
    expect(katalog.layanan[0]).toMatchObject({ deskripsi: "a\nb", dasarHukum: "sendiri", prosedur: "prosedur", contoh: true });
    expect(katalog.layanan[0]).not.toHaveProperty("catatan");
  });

  it("names the file and the path of a problem", () => {
    expect(() => parseSeedFile("09-kec-uji.json", "{")).toThrow(/^09-kec-uji\.json: bukan JSON/);
    expect(() => parseSeedFile("09-kec-uji.json", file({ layanan: [{ kode: "X" }] }))).toThrow(/^09-kec-uji\.json: layanan\.0\.kode: /);
    expect(() => parseSeedFile("09-kec-uji.json", file({ instansi: { kode: "KEC-UJI", jamLayanan: [{ hari: 1, buka: "8", tutup: "15:00" }] } }))).toThrow(
      /instansi\.jamLayanan\.0\.buka: Jam "8" tidak valid/,
    );
    expect(() => parseSeedFile("09-lain.json", file({}))).toThrow(/nama berkas harus diakhiri -kec-uji\.json/);
  });
});
