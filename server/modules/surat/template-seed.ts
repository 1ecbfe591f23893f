import type { BidangSurat, IsiTemplateSurat } from "./template";
import type { KopInstansi } from "./template-kop";

/**
 * The result letters seeded with the demo catalogue (issue 15): Jogonalan's "Rekomendasi Dispensasi Menikah"
 * (seed 002) and two letters of the Kemenag office of Kabupaten Madiun (seed 000, whose services are examples).
 * Each is version 1 of its service's template, on a plain kop surat drawn at seed time (template-kop.ts).
 * The wording is ours, in the usual form of a naskah dinas; admins edit it as a new version.
 */

export interface SeedTemplateSurat {
  instansi: string;
  layanan: string;
  kop: KopInstansi;
  isi: IsiTemplateSurat;
  /** the classification code its letters are numbered with (the office's pattern's {kode}) */
  kodeKlasifikasi: string;
}

const KIRI = 25;
const LEBAR = 160;

const teks = (name: string, content: string, y: number, height: number, extra: Partial<BidangSurat> = {}): BidangSurat => ({
  name,
  type: "text",
  readOnly: true,
  content,
  position: { x: KIRI, y },
  width: LEBAR,
  height,
  fontSize: 11,
  alignment: "justify",
  lineHeight: 1.4,
  ...extra,
});

const sumber = (name: string, x: number, y: number, width: number, extra: Partial<BidangSurat> = {}): BidangSurat => ({
  name,
  type: "text",
  position: { x, y },
  width,
  height: 6,
  fontSize: 11,
  ...extra,
});

/** The title, centred, and the number under it. */
function judul(title: string): BidangSurat[] {
  return [teks("judul", title, 48, 7, { fontSize: 13, alignment: "center" }), teks("nomor", "Nomor: {nomorSurat}", 55, 6, { alignment: "center" })];
}

/** "Label : value" rows from `y`, 7 mm apart. */
function baris(rows: Array<[label: string, source: string]>, y: number): BidangSurat[] {
  return rows.flatMap(([label, source], i) => [
    teks(`label-${i + 1}`, label, y + i * 7, 6, { position: { x: KIRI + 8, y: y + i * 7 }, width: 52, alignment: "left" }),
    teks(`titik-${i + 1}`, ":", y + i * 7, 6, { position: { x: KIRI + 60, y: y + i * 7 }, width: 4, alignment: "left" }),
    sumber(rows.slice(0, i).some(([, s]) => s === source) ? `${source}#${i + 1}` : source, KIRI + 64, y + i * 7, LEBAR - 64),
  ]);
}

/** Place and date, the official's position, name and NIP on the right; the QR code and its code on the left. */
function penutup(tempat: string, y: number): BidangSurat[] {
  const x = 115;
  return [
    teks("tempat-tanggal", `${tempat}, {tanggal.surat}`, y, 6, { position: { x, y }, width: 75, alignment: "left" }),
    sumber("penandatangan.jabatan", x, y + 6, 75, { height: 12 }),
    sumber("penandatangan.nama", x, y + 32, 75),
    teks("nip", "NIP {penandatangan.nip}", y + 38, 6, { position: { x, y: y + 38 }, width: 75, alignment: "left" }),
    { name: "verifikasi.qr", type: "qrcode", position: { x: KIRI, y: y + 4 }, width: 30, height: 30 },
    teks("kode", "Kode verifikasi: {verifikasi.kode}", y + 36, 5, { position: { x: KIRI, y: y + 36 }, width: 80, fontSize: 8, alignment: "left" }),
    teks("catatan-verifikasi", "Keaslian surat ini dapat diperiksa dengan memindai kode QR atau membuka {verifikasi.url}", 280, 5, {
      fontSize: 7.5,
      alignment: "center",
    }),
  ];
}

const KOP_KEMENAG: KopInstansi = {
  induk: "Kementerian Agama Republik Indonesia",
  nama: "Kantor Kementerian Agama Kabupaten Madiun",
  alamat: "Jl. Panglima Sudirman No. 5 Mejayan, Kabupaten Madiun",
  telepon: "082245552687",
  website: "maspeciv2.kankemenagkabmadiun.com",
};

export const TEMPLATE_SURAT_SEED: readonly SeedTemplateSurat[] = [
  {
    instansi: "KEC-JOGONALAN",
    layanan: "DISPENSASI-MENIKAH",
    // Permendagri 83/2022 klasifikasi arsip: 400.12 kependudukan dan pencatatan sipil
    kodeKlasifikasi: "400.12",
    kop: {
      induk: "Pemerintah Kabupaten Klaten",
      nama: "Kecamatan Jogonalan",
      alamat: "Kecamatan Jogonalan, Kabupaten Klaten, Jawa Tengah",
      telepon: "(0272) 321432",
      website: "jogonalan.klaten.go.id",
    },
    isi: {
      schemas: [
        [
          ...judul("REKOMENDASI DISPENSASI MENIKAH"),
          teks("pembuka", "Yang bertanda tangan di bawah ini, Camat Jogonalan Kabupaten Klaten, memberikan rekomendasi dispensasi menikah kepada:", 66, 12),
          ...baris(
            [
              ["Nama calon suami", "form.namaCalonPria"],
              ["NIK calon suami", "form.nikCalonPria"],
              ["Tanggal lahir", "form.tanggalLahirCalonPria"],
              ["Nama calon istri", "form.namaCalonWanita"],
              ["NIK calon istri", "form.nikCalonWanita"],
              ["Tanggal lahir", "form.tanggalLahirCalonWanita"],
              ["Rencana tanggal nikah", "form.rencanaTanggalNikah"],
              ["Desa asal", "form.desaAsal"],
              ["Diajukan oleh", "pemohon.nama"],
            ],
            80,
          ),
          teks(
            "isi",
            "Rekomendasi ini diberikan sebagai kelengkapan permohonan dispensasi kawin kepada Pengadilan Agama sesuai Undang-Undang Nomor 16 Tahun 2019 tentang Perubahan atas Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan. Demikian rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.",
            146,
            24,
          ),
          ...penutup("Jogonalan", 178),
        ],
      ],
    },
  },
  {
    instansi: "KMG-MADIUN",
    layanan: "REKOMENDASI-PASPOR-HAJI-UMRAH",
    // KMA 44/2010 klasifikasi arsip Kementerian Agama: HJ haji dan umrah
    kodeKlasifikasi: "HJ.00",
    kop: KOP_KEMENAG,
    isi: {
      schemas: [
        [
          ...judul("SURAT REKOMENDASI PEMBUATAN PASPOR"),
          teks(
            "pembuka",
            "Kepala Kantor Kementerian Agama Kabupaten Madiun dengan ini memberikan rekomendasi kepada Kepala Kantor Imigrasi untuk menerbitkan paspor bagi:",
            66,
            12,
          ),
          ...baris(
            [
              ["Nama", "pemohon.nama"],
              ["NIK", "pemohon.nikSamar"],
              ["Jenis perjalanan", "form.jenisPerjalanan"],
              ["Penyelenggara (PPIU/PIHK)", "form.namaPpiu"],
              ["Tanggal pengajuan", "tanggal.pengajuan"],
            ],
            82,
          ),
          teks(
            "isi",
            "Yang bersangkutan adalah calon jemaah yang terdaftar untuk melaksanakan ibadah {form.jenisPerjalanan}. Demikian surat rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.",
            124,
            18,
          ),
          ...penutup("Mejayan", 160),
        ],
      ],
    },
  },
  {
    instansi: "KMG-MADIUN",
    layanan: "IZIN-PENELITIAN",
    // KMA 44/2010: PP penelitian dan pengembangan
    kodeKlasifikasi: "PP.00",
    kop: KOP_KEMENAG,
    isi: {
      schemas: [
        [
          ...judul("SURAT IZIN PENELITIAN"),
          teks(
            "pembuka",
            "Berdasarkan permohonan yang diajukan melalui Loket pada {tanggal.pengajuan}, Kepala Kantor Kementerian Agama Kabupaten Madiun memberikan izin penelitian kepada:",
            66,
            12,
          ),
          ...baris(
            [
              ["Nama", "pemohon.nama"],
              ["Asal lembaga", "form.asalLembaga"],
              ["Lokasi penelitian", "form.lokasiPenelitian"],
              ["Mulai", "form.tanggalMulai"],
              ["Selesai", "form.tanggalSelesai"],
            ],
            82,
          ),
          teks("judul-penelitian", "untuk melaksanakan penelitian berjudul \u201c{form.judulPenelitian}\u201d.", 120, 12),
          teks(
            "isi",
            "Peneliti wajib menaati ketentuan yang berlaku di lokasi penelitian dan menyampaikan salinan hasil penelitian kepada Kantor Kementerian Agama Kabupaten Madiun. Demikian surat izin ini dibuat untuk dipergunakan sebagaimana mestinya.",
            134,
            18,
          ),
          ...penutup("Mejayan", 166),
        ],
      ],
    },
  },
];
