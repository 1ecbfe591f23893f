import { describe, expect, it } from "vitest";
import { parseInput } from "../../lib/validate";
import { HARI_LIBUR, HITUNG_TENGGAT, INSTANSI, INSTANSI_BARU, JAM_LAYANAN_ARG, PENUTUPAN, parseKode } from "./rules";

/** What the API answers for an input: the value, or the first problem as `CODE field: message`. */
function answer(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    const err = e as { code: string; field: string | null; message: string };
    return `${err.code} ${err.field}: ${err.message}`;
  }
}
const instansiBaru = (input: object) => answer(() => parseInput(INSTANSI_BARU, parseInput(INSTANSI, input)));
const jam = (jamLayanan: object[]) => answer(() => parseInput(JAM_LAYANAN_ARG, { jamLayanan }).jamLayanan);

describe("an office's profile", () => {
  it("normalises what it keeps and leaves out what was not sent", () => {
    expect(instansiBaru({ kode: " kmg-madiun ", nama: "  Kantor  ", alamat: " Jl. 1 ", telepon: "1".repeat(600), zonaWaktu: "wita", aktif: null })).toEqual({
      kode: "KMG-MADIUN",
      nama: "Kantor",
      alamat: "Jl. 1",
      telepon: "1".repeat(500),
      zonaWaktu: "Asia/Makassar",
    });
    expect(answer(() => parseInput(INSTANSI, { zonaWaktu: "Asia/Pontianak" }))).toEqual({ zonaWaktu: "Asia/Pontianak" });
  });

  it("answers each problem with its code, field and message, the profile's own rules first", () => {
    expect(instansiBaru({})).toBe("KODE_INVALID kode: Kode instansi wajib diisi.");
    expect(instansiBaru({ kode: "ABC" })).toBe("NAMA_INVALID nama: Nama instansi wajib diisi.");
    expect(instansiBaru({ nama: "ab" })).toBe("NAMA_INVALID nama: Nama instansi 3–200 karakter.");
    expect(instansiBaru({ kode: "x", nama: "ab" })).toBe(
      "KODE_INVALID kode: Kode instansi 2–20 karakter: huruf, angka, atau tanda hubung (contoh: KMG-MADIUN).",
    );
    expect(answer(() => parseInput(INSTANSI, { whatsapp: "12345" }))).toBe(
      "WHATSAPP_INVALID whatsapp: Nomor WhatsApp tidak valid; tulis nomor Indonesia, misalnya 0812-3456-7890.",
    );
    expect(answer(() => parseInput(INSTANSI, { whatsapp: " +62 812-3456-7890 " }))).toEqual({ whatsapp: "+62 812-3456-7890" });
    expect(answer(() => parseInput(INSTANSI, { whatsapp: "" }))).toEqual({ whatsapp: "" });
    expect(instansiBaru({ kode: "ABC", nama: "Kantor", zonaWaktu: "GMT" })).toBe("ZONA_WAKTU_INVALID zonaWaktu: Zona waktu harus WIB, WITA, atau WIT.");
    expect(answer(() => parseKode(" ab-1 "))).toBe("AB-1");
  });
});

describe("opening hours", () => {
  it("are sorted, in minutes, from HH:MM or HH.MM", () => {
    expect(
      jam([
        { hari: 2, buka: "08:00", tutup: "12:00" },
        { hari: 1, buka: "13.00", tutup: "24:00" },
        { hari: 1, buka: " 8:00 ", tutup: "12:00" },
      ]),
    ).toEqual([
      { hari: 1, buka: 480, tutup: 720 },
      { hari: 1, buka: 780, tutup: 1440 },
      { hari: 2, buka: 480, tutup: 720 },
    ]);
  });

  it.each([
    [[], "JAM_KOSONG jamLayanan: Isi paling sedikit satu jam layanan."],
    [[{ hari: 0, buka: "08:00", tutup: "15:00" }], "HARI_INVALID jamLayanan.0.hari: Hari harus 1 (Senin) sampai 7 (Minggu)."],
    [[{ hari: 1, buka: "08:60", tutup: "15:00" }], 'JAM_INVALID jamLayanan.0.buka: Jam "08:60" tidak valid; gunakan format JJ:MM, misalnya 08:00.'],
    [[{ hari: 1, buka: "08:00", tutup: "24:01" }], 'JAM_INVALID jamLayanan.0.tutup: Jam "24:01" tidak valid; gunakan format JJ:MM, misalnya 08:00.'],
    [[{ hari: 1, buka: "15:00", tutup: "08:00" }], "JAM_INVALID jamLayanan.0.tutup: Jam tutup harus setelah jam buka."],
    [
      [
        { hari: 1, buka: "08:00", tutup: "12:00" },
        { hari: 1, buka: "11:00", tutup: "15:00" },
      ],
      "JAM_BERTUMPUK jamLayanan.1.buka: Jam ini bertumpuk dengan jam layanan baris 1 pada hari yang sama.",
    ],
  ])("refuses %j", (rows, expected) => {
    expect(jam(rows)).toBe(expected);
  });
});

it("closures, holidays and the deadline calculator", () => {
  expect(answer(() => parseInput(PENUTUPAN, { alasan: " ab " }))).toBe("REASON_REQUIRED alasan: Alasan penutupan wajib diisi (minimal 3 karakter).");
  expect(answer(() => parseInput(PENUTUPAN, { alasan: " Rapat " }))).toEqual({ alasan: "Rapat" });
  expect(answer(() => parseInput(HARI_LIBUR, { nama: "ab", dasarHukum: "" }))).toBe("NAMA_INVALID nama: Nama hari libur wajib diisi (minimal 3 karakter).");
  expect(answer(() => parseInput(HARI_LIBUR, { nama: "Libur", dasarHukum: " SKB " }))).toBe(
    "DASAR_HUKUM_REQUIRED dasarHukum: Dasar hukum (nomor SKB/keputusan) wajib diisi (minimal 5 karakter).",
  );
  expect(answer(() => parseInput(HITUNG_TENGGAT, { jumlah: 10_001 }))).toBe("JUMLAH_INVALID jumlah: Jumlah harus 0–10000.");
  expect(answer(() => parseInput(HITUNG_TENGGAT, { jumlah: -1 }))).toBe("JUMLAH_INVALID jumlah: Jumlah harus 0–10000.");
});
