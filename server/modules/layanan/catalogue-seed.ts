/**
 * The service catalogue the project starts from: four offices and their Standar Pelayanan, as pure data.
 *
 * Sources (see /work/shared/seeds/README.md):
 *   - Kecamatan Jogonalan, Klaten — seed 002: one complete Standar Pelayanan, copied faithfully (the source's
 *     spelling included; admins may tidy it once the office re-issues its SP).
 *   - Diskominfo Kota Madiun — seed 004: four services with most components and three mermaid flowcharts.
 *   - Diskominfo Kota Pekalongan — seed 003: only the service names are given; every SP component is an example.
 *   - Kantor Kementerian Agama Kabupaten Madiun — seed 000 (MasPeci): "31 jenis layanan" without names; the
 *     31 services below are plausible examples.
 *
 * `contoh: true` marks a service whose standard is an example for admins to edit, not the office's
 * published SP. Where a real service lacks a component in its source, the text here is our own and is listed
 * in ASUMSI, so nothing invented passes for a quoted fact.
 *
 * No Prisma import: the types mirror the columns of Instansi, JamLayanan, Layanan, PersyaratanDokumen and
 * FormField (the test checks the enums still match).
 */

export type SeedSlaSatuan = "MENIT" | "JAM_KERJA" | "HARI_KERJA";
export type SeedFormFieldType = "TEXT" | "TEXTAREA" | "NUMBER" | "DATE" | "SELECT" | "NIK" | "PHONE" | "EMAIL";

export interface SeedInstansi {
  kode: string;
  nama: string;
  prefixNomor: string;
  alamat: string;
  telepon: string;
  email: string;
  website: string;
  zonaWaktu: "Asia/Jakarta";
  /** ISO weekday (1 = Senin … 7 = Minggu); minutes after local midnight */
  jamLayanan: Array<{ hari: 1 | 2 | 3 | 4 | 5 | 6 | 7; buka: number; tutup: number }>;
}

export interface SeedPersyaratan {
  label: string;
  keterangan?: string;
  wajib: boolean;
  /** MIME types, decided by content; schema default when absent */
  jenisFile?: string[];
  maksBytes?: number;
}

export interface SeedFormField {
  nama: string;
  label: string;
  tipe: SeedFormFieldType;
  wajib: boolean;
  /** matched against the whole value (the validator anchors it) */
  pola?: string;
  min?: number;
  max?: number;
  opsi?: string[];
  bantuan?: string;
}

export interface SeedLayanan {
  kode: string;
  nama: string;
  kategori: string;
  deskripsi: string;
  contoh: boolean;
  // the 14 components of a Standar Pelayanan (PermenPAN-RB 15/2014)
  dasarHukum: string;
  persyaratanKeterangan: string;
  prosedur: string;
  prosedurFlowchart: string | null;
  slaJumlah: number;
  slaSatuan: SeedSlaSatuan;
  jangkaWaktuKeterangan: string;
  biaya: number;
  biayaKeterangan: string;
  produkLayanan: string;
  saranaPrasarana: string;
  kompetensiPelaksana: string;
  pengawasanInternal: string;
  penangananPengaduan: string;
  jumlahPelaksana: string;
  jaminanPelayanan: string;
  jaminanKeamanan: string;
  evaluasiKinerja: string;
  unduhOnline: boolean;
  ambilDiKantor: boolean;
  persyaratan: SeedPersyaratan[];
  formFields: SeedFormField[];
}

export interface SeedKatalog {
  instansi: SeedInstansi;
  layanan: SeedLayanan[];
}

/** A part of the catalogue that its source does not state; shown to admins as "to check". */
export interface SeedAsumsi {
  instansi: string;
  /** absent: the office itself (or all its services when `bagian` names Layanan fields) */
  layanan?: string;
  bagian: string[];
  alasan: string;
}

// ---------------------------------------------------------------------------------------------------
// shared helpers

const MB = 1024 * 1024;
export const MIME_DOKUMEN = ["application/pdf", "image/jpeg", "image/png"];
export const MIME_FOTO = ["image/jpeg", "image/png"];

const jam = (h: number, m = 0): number => h * 60 + m;
const lines = (...xs: string[]): string => xs.join("\n");
const numbered = (xs: string[]): string => xs.map((x, i) => `${i + 1}. ${x}`).join("\n");

/** A document slot: PDF/JPG/PNG up to 2 MB (MasPeci 5.4). */
function dok(label: string, keterangan?: string, wajib = true): SeedPersyaratan {
  return { label, ...(keterangan ? { keterangan } : {}), wajib, jenisFile: [...MIME_DOKUMEN], maksBytes: 2 * MB };
}
/** A photo slot: JPG/PNG up to 2 MB. */
function foto(label: string, keterangan?: string, wajib = true): SeedPersyaratan {
  return { label, ...(keterangan ? { keterangan } : {}), wajib, jenisFile: [...MIME_FOTO], maksBytes: 2 * MB };
}

const DATA_SPESIFIK =
  "Dokumen kesehatan termasuk data pribadi yang bersifat spesifik menurut UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi: " +
  "hanya dibuka oleh petugas yang memproses berkas dan tidak dibagikan kepada pihak lain.";

const telepon = (label = "Nomor telepon/WhatsApp yang dapat dihubungi", wajib = true): SeedFormField => ({
  nama: "nomorTelepon",
  label,
  tipe: "PHONE",
  wajib,
  bantuan: "Contoh: 081234567890.",
});
const nip = (wajib = true): SeedFormField => ({
  nama: "nip",
  label: "NIP",
  tipe: "TEXT",
  wajib,
  pola: "\\d{18}",
  bantuan: "18 digit tanpa spasi, misalnya 196608011988031001.",
});

/**
 * ASSUMPTION — none of the seeds states the opening hours of Jogonalan, Diskominfo Kota Madiun or
 * Diskominfo Kota Pekalongan. This is a plausible default for a regional office in Java (Senin–Kamis
 * 07.30–15.30, Jumat 07.30–11.00 WIB); admins MUST replace it with the office's published hours.
 */
const JAM_ASUMSI: SeedInstansi["jamLayanan"] = [
  { hari: 1, buka: jam(7, 30), tutup: jam(15, 30) },
  { hari: 2, buka: jam(7, 30), tutup: jam(15, 30) },
  { hari: 3, buka: jam(7, 30), tutup: jam(15, 30) },
  { hari: 4, buka: jam(7, 30), tutup: jam(15, 30) },
  { hari: 5, buka: jam(7, 30), tutup: jam(11) },
];

// ---------------------------------------------------------------------------------------------------
// 1. Kecamatan Jogonalan, Kabupaten Klaten — seed 002, copied component by component

const JOGONALAN: SeedKatalog = {
  instansi: {
    kode: "KEC-JOGONALAN",
    nama: "Kecamatan Jogonalan, Kabupaten Klaten",
    prefixNomor: "JGN",
    // the seed gives no street address and no email: admins fill them in
    alamat: "Kecamatan Jogonalan, Kabupaten Klaten, Jawa Tengah",
    telepon: "(0272) 321432",
    email: "",
    website: "https://jogonalan.klaten.go.id/",
    zonaWaktu: "Asia/Jakarta",
    jamLayanan: JAM_ASUMSI,
  },
  layanan: [
    {
      kode: "DISPENSASI-MENIKAH",
      nama: "Rekomendasi Dispensasi Menikah (Online)",
      kategori: "Pemerintahan dan Kependudukan",
      deskripsi:
        "Penerbitan surat rekomendasi dispensasi menikah oleh Camat Jogonalan atas surat pengantar permohonan dispensasi dari KUA. " +
        "Berkas disampaikan secara online dan surat dispensasi dikirim kembali secara elektronik.",
      contoh: false,
      // items 6 and 7 repeat items 4 and 5 in the published SP; kept as published
      dasarHukum: lines(
        "Dalam penyelenggaraan pelayanan Dispensasi Menikah Online menggunakan Dasar Hukum sebagai berikut:",
        "1. Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
        "2. Perubahan norma dalam Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan ini menjangkau batas usia untuk melakukan perkawinan, perbaikan norma menjangkau dengan menaikkan batas minimal umur perkawinan bagi wanita;",
        "3. Peraturan Bupati Klaten Nomor 15 tahun 2016 tentang Standart Operasional Prosedur;",
        "4. Peraturan Bupati Klaten Nomor 63 Tahun 2016 Kedudukan Susunan Organisasi Tugas Dan Fungsi Serta Tata Kerja Kecamatan Di Kabupaten Klaten;",
        "5. Peraturan Bupati Klaten Nomor 90 Tahun 2019 Tentang Tata Naskah Dinas di Lingkungan Pemerintah Kabupaten Klaten;",
        "6. Peraturan Bupati Klaten Nomor 63 Tahun 2016 Kedudukan Susunan Organisasi Tugas Dan Fungsi Serta Tata Kerja Kecamatan Di Kabupaten Klaten;",
        "7. Peraturan Bupati Klaten Nomor 90 Tahun 2019 Tentang Tata Naskah Dinas di Lingkungan Pemerintah Kabupaten Klaten;",
      ),
      persyaratanKeterangan: lines(
        "1. Surat Pengantar Dari Desa;",
        "2. KK/KTP Calon Pengantin;",
        "3. KK/KTP Orang tua Pengantin;",
        "4. Surat Pengantar Permohonan Dispensasi Dari KUA;",
        "5. Surat Keterangan Sehat dari Puskesmas.",
      ),
      prosedur: lines(
        "1. Penyampaian Berkas Melalui WA KITA;",
        "2. Petugas Memverifikasi Berkas;",
        "3. Bila berkas sudah lengkap, Diagendakan dan di ajukan tanda tangan pada Pejabat yang berwenang Melalui Aplikasi Srikandi;",
        "4. Petugas Megirimkan surat Dispensasi Melalui WA KITA.",
      ),
      prosedurFlowchart: null,
      slaJumlah: 15,
      slaSatuan: "MENIT",
      jangkaWaktuKeterangan: "15 Menit Setelah Berkas dinyatakan Lengkap",
      // the SP's row for Biaya/Tarif is missing (row 6 repeats the facilities); "Tidak ada pungutan biaya" is
      // item 1 of its Jaminan Keamanan dan Keselamatan
      biaya: 0,
      biayaKeterangan: "Tidak ada pungutan biaya",
      produkLayanan: "Pelayanan Dispensasi Menikah Online",
      saranaPrasarana: lines(
        "Sarana, Prasarana, Dan/Atau Fasilitas:",
        "1. Ruang Ber-AC;",
        "2. Pesawat Telephone;",
        "3. Komputer/Laptop;",
        "4. Printer & Scanner;",
        "5. Handphone;",
        "6. Aplikasi Word/Excel;",
        "7. Aplikasi Srikandi;",
        "8. Aplikasi WhatsApp;",
        "9. Jaringan Internet;",
        "10. Alat Tulis Kantor;",
        "11. Air mineral;",
        "12. Majalah/Koran/Buku Baca.",
      ),
      kompetensiPelaksana: lines(
        "Kompetensi Pelaksana:",
        "1. D III Arsiparis/Perhotelan/Administrasi/Teknik Informatika;",
        "2. Trampil di bidang IT;",
        "3. Memahami Peraturan Perundangan Yang berlaku;",
        "4. Memahami Management ke Arsipan;",
      ),
      pengawasanInternal: lines(
        "Pengawasan Internal:",
        "1. Supervisi Atasan Langsung;",
        "2. Dilakukan Sistem Pengendalian Internal Pemerintah dan Pengawasan Fungsional;",
        "3. Dilakukan Secara Berkelanjutan;",
        "4. Konsistensi dalam memberi teguran dan sanksi",
      ),
      penangananPengaduan: lines(
        "1. Pengaduan Secara Langsung",
        "• Pelapor Melaporkan Kedatanganya kepada Petugas layanan Aduan;",
        "• Petugas Layanan Aduan, Mengidentifikasi, Mencatat, Menganalisis, Mengkasifikasikan Jenis Aduan dan kemuadian meminta dokumen Kependudukan KK/KTP Nomor Telepon Pelapor guna Membuatkan Surat Laporan Pengaduan dan di tandatangani oleh Pelapor;",
        "• Petugas Aduan Berkoordinasi dengan Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Ketentraman Ketertiban Umum",
        "• Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Tata Pemerintahan Mengidentifikasi Masalah, Menemui Pelapor dan Menyelesaikan Laporan/Aduan yang Disertai dengan Dokumentasi Foto/Video",
        "",
        "2. Kotak Saran Dan Masukan",
        "• Pelapor Memasukan Surat Aduan/Saran/Masukan kedalam Kotak Saran Dan Masukan;",
        "• Petugas Layanan Aduan, Mengidentifikasi, Mencatat, Menganalisis, Mengkasifikasikan Jenis Aduan/Saran/Masukan;",
        "• Petugas Aduan Berkoordinasi dengan Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Ketentraman Ketertiban Umum;",
        "• Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Tata Pemerintahan Mengidentifikasi Masalah Menemui Pelapor atau Menanggapi Aduan/Saran/Masukan yang Disertai dengan Dokumentasi Foto/Video;",
        "",
        "3. Melalui Telp 0272 321432 SMS/WA pada nomor 0895367644010",
        "Via Telp: Pelapor Menelpon Perihal Aduan/Saran/Masukan Pelayanan Nomor Telp (0272) 321432",
        "• Petugas Layanan Aduan, Mengidentifikasi, Mencatat, Menganalisis, Mengkasifikasikan Jenis Aduan/Saran/Masukan dan mencatat ke dalam buku telephone dan buku aduan perihal identitas Pelapor dan maksud dan tujuan Aduan yang disampaikan;",
        "• Petugas Aduan Berkoordinasi dengan Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Ketentraman Ketertiban Umum",
        "• Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Tata Pemerintahan Mengidentifikasi Masalah, Menanggapi Laporan/Aduan Telpon yang Disertai scan hasil Laporan pada buku aduan;",
        "Via WA KITA:",
        "• Pelapor Melalui Pesan Singkat Elektrronik Melakukan Aduan/Saran/Masukan ke WhatsApp Kecamatan Jogonalan;",
        "• Petugas Layanan Aduan, Mengidentifikasi, Mencatat, Menganalisis, Mengklasifikasikan Jenis Aduan/Saran/Masukan dan mencatat ke dalam buku Aduan/Saran/Masukan perihal identitas Pelapor dan maksud dan tujuan Aduan/Saran/Masukan yang disampaikan;",
        "• Petugas Aduan Berkoordinasi dengan Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Ketentraman Ketertiban Umum;",
        "• Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Tata Pemerintahan Mengidentifikasi Masalah, Menanggapi kemudian menyerahkan hasil identifikasi kepada admin WA KITA;",
        "• Admin WA KITA Melakukan Feedback kepada Pelapor Aduan/Saran/Masukan.",
        "",
        "4. Melalui Website dengan alamat: https://jogonalan.klaten.go.id/",
        "• Pelapor Melakukan Aduan pada laman Website https://jogonalan.klaten.go.id/ dengan mengisi nama alamat email dan pesan perihal aduan/saran/masukan",
        "• Admin Website Menerima notifikasi Aduan/Saran/Masukan kemudian Mengidentifikasi Mencatat, Menganalisis, Mengkasifikasikan Jenis Aduan/Saran/Masukan dan berkoordinasi dengan Camat/Sekretaris Camat/Kasi Pembangunan/Kasi Tata Pemerintahan/Kasi Tata Pemerintahan untuk menanggapi Aduan/Saran/Masukan Masyarakat;",
        "• Admin Website menindaklanjuti Aduan/Saran/Masukan kepada masyarakat.",
      ),
      jumlahPelaksana: "3 Orang",
      jaminanPelayanan:
        "Pelayanan Dilaksanakan Sesuai Dengan Standar Pelayanan dan Kode Etik ditetapkan melalui Peraturan Bupati Klaten Nomor 57 Tahun 2018 tentang Kode Etik Pegawai Negeri Sipil pada Bagian Layanan Pengadaan Sekretariat Daerah Kabupaten Klaten",
      jaminanKeamanan: lines(
        "Dalam Bentuk Komitmen Untuk Memberikan Rasa Aman, Bebas Dari Bahaya, Dan Risiko Keragu-Raguan",
        "1. Tidak ada pungutan biaya;",
        "2. Tersedia ruang parkir yang luas dan aman bagi disabilitas maupun masyarakat Pengguna Layanan;",
        "3. Tersedia minuman gratis;",
        "4. Tersedia Pelayanan Khusus bagi Disabilitas",
        "5. Tersedia Ruang Laktasi;",
        "6. Tersedia WIFI Gratis;",
        "7. Tersedia Ruangan ber AC;",
        "8. Tersedia Pojok Baca;",
        "9. Tersedia Apar diruang Pelayanan;",
        "10. Tersedia Ramp bagi Disabilitas;",
      ),
      evaluasiKinerja: lines(
        "1. Evaluasi kinerja pelaksana pelayanan publik dilakukan setiap seminggu sekali melalui rapat koordinasi setiap hari Selasa;",
        "2. Dilaksanakan Survey Kepuasan Masyarakat secara berkala 6 (enam) bulan sekali.",
        "3. Dilaksanakan Evaluasi Kinerja Pelayan Publik oleh Tim EKK Kabupaten Klaten, Ombudsman dan Menpan.",
      ),
      // the letter is sent back electronically (WA KITA); the SP names no pickup at the office
      unduhOnline: true,
      ambilDiKantor: false,
      persyaratan: [
        dok("Surat Pengantar dari Desa"),
        dok("KK/KTP Calon Pengantin", "Kartu Keluarga dan KTP calon pengantin; boleh digabung dalam satu berkas."),
        dok("KK/KTP Orang Tua Pengantin", "Kartu Keluarga dan KTP orang tua calon pengantin; boleh digabung dalam satu berkas."),
        dok("Surat Pengantar Permohonan Dispensasi dari KUA"),
        dok("Surat Keterangan Sehat dari Puskesmas", DATA_SPESIFIK),
      ],
      formFields: [
        { nama: "namaCalonPria", label: "Nama calon pengantin pria", tipe: "TEXT", wajib: true, min: 3, max: 100 },
        { nama: "nikCalonPria", label: "NIK calon pengantin pria", tipe: "NIK", wajib: true },
        { nama: "tanggalLahirCalonPria", label: "Tanggal lahir calon pengantin pria", tipe: "DATE", wajib: true },
        { nama: "namaCalonWanita", label: "Nama calon pengantin wanita", tipe: "TEXT", wajib: true, min: 3, max: 100 },
        { nama: "nikCalonWanita", label: "NIK calon pengantin wanita", tipe: "NIK", wajib: true },
        { nama: "tanggalLahirCalonWanita", label: "Tanggal lahir calon pengantin wanita", tipe: "DATE", wajib: true },
        { nama: "rencanaTanggalNikah", label: "Rencana tanggal nikah", tipe: "DATE", wajib: true },
        { nama: "desaAsal", label: "Desa asal (penerbit surat pengantar)", tipe: "TEXT", wajib: true, max: 100 },
        {
          nama: "nomorWa",
          label: "Nomor WhatsApp",
          tipe: "PHONE",
          wajib: true,
          bantuan: "Surat dispensasi dan pemberitahuan dikirim ke nomor ini melalui WA KITA.",
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// 2. Dinas Komunikasi dan Informatika Kota Madiun — seed 004

const MADIUN_LPSE_DASAR_HUKUM = lines(
  "- Undang-undang No. 11 Tahun 2008 tentang informasi dan transaksi elektronik.",
  "- Undang-undang No.14 Tahun 2008 tentang Keterbukaan Informasi Publik.",
  "- Peraturan Presiden No. 54 Tahun 2010 tentang pengadaan barang & jasa pemerintah",
  "- Peraturan Walikota Kota Madiun No. 28 Tahun 2010 tentang Pembentukan LPSE",
);
const MADIUN_LPSE_PENGAWASAN = lines(
  "- LPSE Provinsi dan LKPP pusat",
  "- Dilaksanakan oleh atasan langsung pelaksana LPSE, (Pengarah dan Koordinator) sesuai dengan SOTK",
);

/** Seed 004's `<pre>` blocks, one statement per line; labels exactly as the seed writes them. */
export const FLOWCHART_HELPDESK_LPSE = lines(
  "graph TD",
  "  A([Penyedia atau Pejabat Pengadaan/Panitia telepon ke LPSE]) --> B[Helpdesk mencatat identitas penelepon]",
  "  B --> C[Helpdesk menanyakan keperluan penelepon]",
  "  C --> D[Konsultasi LPSE]",
  "  D --> E[Proses Konsultasi]",
  "  E --> F{Hasil Konsultasi}",
  "  F --> G[Lanjut, Penelepon diminta menelepon kembali setelah 10 menit]",
  "  G --> H[Helpdesk konsultasi ke LKPP]",
  "  H --> I{Hasil Konsultasi}",
  "  I --> J[Disampaikan kepada penelepon]",
  "  J --> K([Selesai])",
  '  I -- "Penelepon bisa menerima penjelasan" --> F',
);
// "lenakan/sesuai" and the trailing "dan" of J and K are the seed's own wording (kept: they parse)
export const FLOWCHART_VERIFIKASI_PENYEDIA = lines(
  "graph TD",
  "  A[Penyedia Barang dan Jasa datang langsung ke LPSE] --> B[Bertemu dengan helpdesk LPSE]",
  "  B --> C[Mengisi Buku Tamu LPSE]",
  "  C --> D[Bertemu Verifikator dan menyiapkan dokumen yang akan diverifikasi]",
  "  D --> E[Mengisi Buku Tamu Verifikasi]",
  "  E --> F[Proses verifikasi]",
  "  F --> G{Hasil verifikasi}",
  "  G --> H[Aktivasi User ID Penyedia]",
  "  G --> I[Tidak dapat diaktivasi, dapat mengulang verifikasi jika dokumen telah lenakan/sesuai]",
  "  H --> J[Penandatanganan lembar verifikasi oleh Penyedia dan]",
  "  J --> K[Arsip Berkas Verifikasi dan]",
);
export const FLOWCHART_PELATIHAN_SPSE = lines(
  "graph TD",
  "  A([Penyedia atau Pejabat Pengadaan datang ke LPSE]) --> B[Penyedia atau Pejabat Pengadaan mengisi daftar hadir pelatihan]",
  "  B --> C[Proses Pelatihan SPSE]",
  "  C --> D([Selesai])",
);

const KOTA_MADIUN: SeedKatalog = {
  instansi: {
    kode: "KOMINFO-KOTA-MADIUN",
    nama: "Dinas Komunikasi dan Informatika Kota Madiun",
    prefixNomor: "DKM",
    // the seed gives no street address or office email; the telephone is the LPSE number it lists
    alamat: "Kota Madiun, Jawa Timur",
    telepon: "(0351) 467327",
    email: "",
    website: "https://www.madiunkota.go.id",
    zonaWaktu: "Asia/Jakarta",
    jamLayanan: JAM_ASUMSI,
  },
  layanan: [
    {
      kode: "INFORMASI-PUBLIK",
      nama: "Pelayanan Informasi Publik",
      kategori: "Informasi Publik",
      deskripsi:
        "Permohonan informasi publik kepada PPID Kota Madiun, secara langsung maupun online. Informasi diberikan dalam bentuk softcopy atau hardcopy sesuai kebutuhan pemohon.",
      contoh: false,
      // not in seed 004: the statutes every PPID works under
      dasarHukum: lines(
        "1. Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
        "2. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
        "3. Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
        "4. Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik.",
      ),
      persyaratanKeterangan: lines(
        "1. Mengisi formulir permohonan informasi (buku tamu bagi yang datang langsung);",
        "2. Identitas pemohon (KTP).",
      ),
      prosedur: lines(
        "Pemohon informasi dapat menyampaikan permohonan informasi yang dibutuhkan baik secara langsung maupun tidak langsung (online).",
        "Mekanisme Pelayanan Datang Langsung:",
        "- Pemohon informasi publik mengajukan permintaan informasi kepada PPID.",
        "- Staf PPID menerima permohonan informasi dengan menanyakan maksud dan tujuan permintaan informasi.",
        "- Staf PPID memberikan buku tamu, formulir permohonan informasi, dan meminta identitas pemohon (KTP) kepada pemohon informasi.",
        "- Selambat-lambatnya 10 (sepuluh) hari kerja, PPID wajib menanggapi permintaan informasi. Jika PPID membutuhkan perpanjangan waktu, selambat-lambatnya 7 (tujuh) hari kerja sejak tanggapan pertama diberikan.",
        "- Jika permintaan informasi diterima, staf PPID memberikan data informasi baik berupa softcopy maupun hardcopy sesuai dengan kebutuhan pemohon.",
        "- Jika permintaan informasi ditolak, pemohon dapat mengajukan keberatan kepada atasan PPID dan Komisi Informasi sebagai upaya akhir.",
        "Mekanisme Pelayanan Online:",
        "- Pemohon Informasi dapat mengisi form permohonan informasi di website resmi www.madiunkota.go.id",
      ),
      prosedurFlowchart: null,
      slaJumlah: 10,
      slaSatuan: "HARI_KERJA",
      jangkaWaktuKeterangan: lines(
        "- PPID menanggapi permintaan informasi selambat-lambatnya 10 (sepuluh) hari kerja.",
        "- Jika PPID membutuhkan perpanjangan waktu, maka selambat-lambatnya 7 (tujuh) hari kerja sejak tanggapan pertama diberikan.",
        "(UU 14/2008 Pasal 22 ayat (7) dan (8): satu kali perpanjangan paling lama 7 hari kerja, dengan pemberitahuan tertulis beserta alasannya.)",
      ),
      biaya: 0,
      biayaKeterangan: "Tidak dipungut biaya",
      produkLayanan: "Pemenuhan permohonan informasi publik",
      saranaPrasarana: lines(
        "Sarana: buku tamu, formulir permohonan informasi, komputer, ATK, meja, kursi.",
        "Prasarana: ruang layanan PPID, telepon, jaringan internet, laman www.madiunkota.go.id.",
      ),
      kompetensiPelaksana: lines(
        "- Memahami Undang-Undang Keterbukaan Informasi Publik dan klasifikasi informasi yang dikecualikan;",
        "- Mampu mengoperasikan komputer dan aplikasi layanan informasi;",
        "- Komunikatif dan mampu memberikan pelayanan prima.",
      ),
      pengawasanInternal: lines(
        "- Dilakukan oleh atasan langsung (atasan PPID);",
        "- Dilakukan oleh Inspektorat sesuai ketentuan pengawasan fungsional.",
      ),
      penangananPengaduan: lines(
        "- Jika permintaan informasi ditolak, pemohon dapat mengajukan keberatan kepada atasan PPID dan Komisi Informasi sebagai upaya akhir.",
        "- Keberatan diajukan paling lambat 30 (tiga puluh) hari kerja sejak alasan keberatan ditemukan (UU 14/2008 Pasal 36).",
        "- Pengaduan lain: datang langsung ke layanan PPID, melalui telepon (0351) 467327, atau melalui laman www.madiunkota.go.id.",
      ),
      jumlahPelaksana: "2 (dua) orang",
      jaminanPelayanan: lines("- Maklumat Pelayanan", "- Pelayanan sesuai Standar Layanan Informasi Publik"),
      jaminanKeamanan: lines(
        "- Identitas dan data pribadi pemohon hanya digunakan untuk keperluan layanan informasi dan dilindungi sesuai UU 27/2022;",
        "- Petugas Keamanan di lingkungan kantor",
      ),
      evaluasiKinerja: "Dilaksanakan 1 (satu) tahun sekali, termasuk laporan layanan informasi publik dan Survei Kepuasan Masyarakat.",
      unduhOnline: true, // softcopy
      ambilDiKantor: true, // hardcopy
      persyaratan: [dok("KTP Pemohon", "Identitas pemohon informasi; badan hukum melampirkan identitas kuasa/penanggung jawab.")],
      formFields: [
        { nama: "rincianInformasi", label: "Rincian informasi yang dibutuhkan", tipe: "TEXTAREA", wajib: true, min: 10, max: 2000 },
        { nama: "tujuanPenggunaan", label: "Tujuan penggunaan informasi", tipe: "TEXTAREA", wajib: true, min: 10, max: 1000 },
        {
          nama: "bentukInformasi",
          label: "Bentuk informasi",
          tipe: "SELECT",
          wajib: true,
          opsi: ["Softcopy", "Hardcopy"],
        },
        telepon(),
        { nama: "email", label: "Email", tipe: "EMAIL", wajib: false },
      ],
    },
    {
      kode: "HELPDESK-LPSE",
      nama: "Pelayanan Informasi Helpdesk pada LPSE Kota Madiun",
      kategori: "Pengadaan Barang/Jasa Elektronik",
      deskripsi: "Konsultasi seputar pengadaan barang/jasa secara elektronik (SPSE) bagi Penyedia dan Pejabat Pengadaan melalui Helpdesk LPSE.",
      contoh: false,
      // not stated for this service in seed 004: the legal basis of its sibling LPSE services
      dasarHukum: MADIUN_LPSE_DASAR_HUKUM,
      persyaratanKeterangan:
        "Tidak ada persyaratan dokumen. Penelepon (Penyedia atau Pejabat Pengadaan/Panitia) menyebutkan identitas dan keperluannya kepada Helpdesk.",
      prosedur: lines(
        "- Konsultasi melalui telepon, Penyedia dan Pejabat pengadaan konsultasi via telpon ke Helpdesk",
        "1. Penyedia atau Pejabat Pengadaan/Panitia telepon ke LPSE;",
        "2. Helpdesk mencatat identitas penelepon dan menanyakan keperluan penelepon;",
        "3. Konsultasi LPSE dan proses konsultasi;",
        "4. Bila perlu dilanjutkan, penelepon diminta menelepon kembali setelah 10 menit dan Helpdesk berkonsultasi ke LKPP;",
        "5. Hasil konsultasi disampaikan kepada penelepon; selesai.",
      ),
      prosedurFlowchart: FLOWCHART_HELPDESK_LPSE,
      slaJumlah: 30,
      slaSatuan: "MENIT",
      jangkaWaktuKeterangan: "Kurang lebih 30 menit",
      biaya: 0,
      biayaKeterangan: "Tidak dipungut biaya",
      produkLayanan: "Layanan Konsultasi",
      saranaPrasarana: lines("Sarana: Buku tamu, ATK, meja, kursi.", "Prasarana: Telepon"),
      kompetensiPelaksana: lines(
        "- Min: D3 informatika",
        "- Pernah mengikuti TOT di LKPP/LPSE provinsi",
        "- Memahami peraturan perundang-undangan yang berkaitan dengan pengadaan barang/jasa secara elektronik",
      ),
      pengawasanInternal: MADIUN_LPSE_PENGAWASAN,
      penangananPengaduan: lines("- Datang langsung.", "- Telepon", "- SMS Center 08113351000"),
      jumlahPelaksana: "1 (satu) orang",
      jaminanPelayanan: lines("- Maklumat Pelayanan", "- Pakta Integritas", "- Visi Misi"),
      jaminanKeamanan: "- Petugas Keamanan di lingkungan kantor",
      // not stated for this service in seed 004: as for the verification service
      evaluasiKinerja: "Dilaksanakan 1 (satu) tahun sekali",
      // the answer is recorded in the applicant's inbox; nothing to collect
      unduhOnline: true,
      ambilDiKantor: false,
      persyaratan: [],
      formFields: [
        {
          nama: "peran",
          label: "Peran",
          tipe: "SELECT",
          wajib: true,
          opsi: ["Penyedia", "Pejabat Pengadaan/Panitia"],
        },
        { nama: "namaInstansiAtauBadanUsaha", label: "Nama badan usaha / instansi", tipe: "TEXT", wajib: true, max: 200 },
        { nama: "pokokKonsultasi", label: "Pokok konsultasi", tipe: "TEXTAREA", wajib: true, min: 10, max: 2000 },
        telepon("Nomor telepon (untuk dihubungi kembali)"),
      ],
    },
    {
      kode: "VERIFIKASI-PENYEDIA",
      nama: "Verifikasi Penyedia Barang/Jasa pada LPSE",
      kategori: "Pengadaan Barang/Jasa Elektronik",
      deskripsi:
        "Verifikasi dokumen Penyedia Barang/Jasa yang telah mendaftar online di e-proc LPSE Kota Madiun, untuk aktivasi User ID Penyedia. Verifikasi dilakukan dengan datang langsung membawa dokumen asli.",
      contoh: false,
      dasarHukum: MADIUN_LPSE_DASAR_HUKUM,
      persyaratanKeterangan: lines(
        "- Penyedia Barang/Jasa mengisi buku tamu (datang langsung)",
        "- Telah mendaftar secara online sebagai penyedia dalam sistem e-proc LPSE Kota Madiun",
        "Membawa dokumen:",
        "1. KTP Direktur dan fotokopinya",
        "2. Surat Kuasa bermaterai jika diwakilkan",
        "3. NPWP Badan Usaha dan fotokopinya",
        "4. SIUP/SIUJK dan fotokopinya",
        "5. TDP dan fotokopinya",
        "6. Akte pendirian dan akte perubahan badan usaha dan fotokopinya",
        "7. Formulir pendaftaran",
        "8. Formulir keikutsertaan",
      ),
      prosedur: lines(
        "1. Penyedia Barang dan Jasa datang langsung ke LPSE dan bertemu dengan helpdesk LPSE;",
        "2. Mengisi Buku Tamu LPSE;",
        "3. Bertemu Verifikator dan menyiapkan dokumen yang akan diverifikasi;",
        "4. Mengisi Buku Tamu Verifikasi;",
        "5. Proses verifikasi;",
        "6. Bila sesuai, Aktivasi User ID Penyedia, penandatanganan lembar verifikasi oleh Penyedia, dan arsip berkas verifikasi;",
        "7. Bila tidak dapat diaktivasi, Penyedia dapat mengulang verifikasi jika dokumen telah lengkap/sesuai.",
      ),
      prosedurFlowchart: FLOWCHART_VERIFIKASI_PENYEDIA,
      slaJumlah: 15,
      slaSatuan: "MENIT",
      jangkaWaktuKeterangan: "Kurang lebih 15 menit",
      biaya: 0,
      biayaKeterangan: "Tidak dipungut biaya",
      produkLayanan: "Aktivasi User ID Penyedia pada sistem e-proc",
      saranaPrasarana: lines(
        "Sarana: ATK, Komputer desktop, meja, kursi, lembar verifikasi, buku tamu, dll.",
        "Prasarana: Instalasi SO Windows, SPSE Versi 4, telepon dan AC.",
      ),
      kompetensiPelaksana: lines(
        "- Memahami peraturan perundang-undangan yang berkaitan dengan pengadaan barang/jasa secara elektronik",
        "- Mengetahui persyaratan verifikasi",
        "- Memiliki ketelitian dan dapat mengoperasikan Sistem Pengadaan Secara Elektronik (SPSE)",
      ),
      pengawasanInternal: MADIUN_LPSE_PENGAWASAN,
      // seed 004 prints "lpse@mediunkota.go.id"; corrected to the city's domain (see ASUMSI)
      penangananPengaduan: lines(
        "- Datang langsung untuk konfirmasi upload.",
        "- Melalui telepon: (0351) 467327",
        "- Melalui email: lpse@madiunkota.go.id.",
        "- SMS Center 08113351000",
      ),
      jumlahPelaksana: "1 (satu) orang",
      jaminanPelayanan: "- Maklumat Pelayanan",
      jaminanKeamanan: lines("- software antivirus", "- Petugas Keamanan di lingkungan kantor"),
      evaluasiKinerja: "Dilaksanakan 1 (satu) tahun sekali",
      // verification happens in person with the originals; the activation is done on the spot
      unduhOnline: false,
      ambilDiKantor: true,
      // SIUP and TDP are the seed's own list (since OSS, many firms hold an NIB instead): admins should review
      persyaratan: [
        dok("KTP Direktur", "Bawa KTP asli dan fotokopinya saat verifikasi."),
        dok("Surat Kuasa bermaterai", "Wajib jika diwakilkan.", false),
        dok("NPWP Badan Usaha", "Bawa asli dan fotokopinya saat verifikasi."),
        dok("SIUP/SIUJK", "Bawa asli dan fotokopinya saat verifikasi."),
        dok("TDP", "Bawa asli dan fotokopinya saat verifikasi."),
        dok("Akte pendirian dan akte perubahan badan usaha", "Bawa asli dan fotokopinya saat verifikasi."),
        dok("Formulir pendaftaran"),
        dok("Formulir keikutsertaan"),
      ],
      formFields: [
        { nama: "namaBadanUsaha", label: "Nama badan usaha", tipe: "TEXT", wajib: true, max: 200 },
        { nama: "namaDirektur", label: "Nama direktur", tipe: "TEXT", wajib: true, max: 100 },
        {
          nama: "npwpBadanUsaha",
          label: "NPWP badan usaha",
          tipe: "TEXT",
          wajib: true,
          pola: "(\\d[.-]?){14,15}\\d",
          bantuan: "15 atau 16 digit; titik dan tanda hubung boleh.",
        },
        { nama: "userIdSpse", label: "User ID yang didaftarkan di e-proc LPSE Kota Madiun", tipe: "TEXT", wajib: true, max: 100 },
        { nama: "diwakilkan", label: "Diwakilkan?", tipe: "SELECT", wajib: true, opsi: ["Tidak", "Ya, dengan surat kuasa"] },
        { nama: "emailBadanUsaha", label: "Email badan usaha", tipe: "EMAIL", wajib: true },
        telepon(),
      ],
    },
    {
      kode: "PELATIHAN-SPSE",
      nama: "Pelatihan SPSE untuk Penyedia dan Pejabat Pengadaan",
      kategori: "Pengadaan Barang/Jasa Elektronik",
      deskripsi: "Pelatihan penggunaan Sistem Pengadaan Secara Elektronik (SPSE) bagi Penyedia dan Pejabat Pengadaan, sesuai jadwal pelatihan LPSE.",
      contoh: false,
      dasarHukum: MADIUN_LPSE_DASAR_HUKUM,
      persyaratanKeterangan: lines(
        "- Penyedia dan Pejabat pengadaan barang/jasa telah terdaftar dalam buku tamu.",
        "- Penyedia dan Pejabat pengadaan barang/jasa yang akan mengikuti pelatihan harus menyesuaikan dengan skedul pelatihan, serta mendapatkan Surat keputusan dari atasannya untuk mengikuti pelatihan",
      ),
      prosedur: lines(
        "1. Penyedia atau Pejabat Pengadaan datang ke LPSE;",
        "2. Penyedia atau Pejabat Pengadaan mengisi daftar hadir pelatihan;",
        "3. Proses Pelatihan SPSE;",
        "4. Selesai.",
      ),
      prosedurFlowchart: FLOWCHART_PELATIHAN_SPSE,
      // the seed says 2 to 5 hours per session: the deadline uses the upper bound
      slaJumlah: 5,
      slaSatuan: "JAM_KERJA",
      jangkaWaktuKeterangan:
        "2 sampai 5 jam per pelatihan (batas waktu layanan dihitung dengan batas atas, 5 jam kerja, sejak pelatihan dimulai).",
      biaya: 0,
      biayaKeterangan: "Tidak dipungut biaya",
      produkLayanan: "Pelatihan bagi Penyedia dan Pejabat Pengadaan",
      saranaPrasarana: lines("Sarana: Komputer pelatihan", "Prasarana: Ruang ber AC, Jaringan Listrik, Meja dan Kursi"),
      kompetensiPelaksana: lines(
        "- S1 Teknik Informatika/Komputer",
        "- Mampu mengoperasikan komputer",
        "- Memahami Aplikasi SPSE versi terbaru",
        "- Pernah mengikuti TOT di LKPP",
      ),
      pengawasanInternal: lines(
        "Dilakukan oleh atasan langsung",
        "Dilakukan oleh Inspektorat",
        "Konsisten dalam memberikan teguran dan sanksi",
      ),
      penangananPengaduan: lines(
        "• melalui Sekretariat LPSE (datang langsung)",
        "• melalui telepon: (0351) 467327",
        "• melalui email: helpdesk-lpse@madiunkota.go.id",
        "Penanganan pengaduan: ditanggapi langsung",
      ),
      jumlahPelaksana: "1 (satu) orang",
      jaminanPelayanan: lines(
        "Penyedia/Pejabat pengadaan yang akan mengikuti pelatihan dapat mengikuti training hingga benar-benar mengerti dari proses awal hingga akhir.",
        "Menggunakan aplikasi LPSE Kota Madiun dan LPSE lain.",
      ),
      jaminanKeamanan: lines("a. Keamanan dijamin oleh petugas", "b. Kerahasiaan user id dan password"),
      evaluasiKinerja: "Evaluasi Kinerja Pelayanan dilakukan setiap akhir tahun.",
      // the training is attended in person at LPSE
      unduhOnline: false,
      ambilDiKantor: true,
      persyaratan: [dok("Surat Keputusan dari Atasan untuk Mengikuti Pelatihan")],
      formFields: [
        {
          nama: "peran",
          label: "Peran",
          tipe: "SELECT",
          wajib: true,
          opsi: ["Penyedia", "Pejabat Pengadaan"],
        },
        { nama: "namaInstansiAtauBadanUsaha", label: "Nama badan usaha / instansi", tipe: "TEXT", wajib: true, max: 200 },
        {
          nama: "tanggalPelatihan",
          label: "Tanggal pelatihan yang dipilih",
          tipe: "DATE",
          wajib: true,
          bantuan: "Sesuaikan dengan jadwal pelatihan LPSE.",
        },
        telepon(),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// 3. Dinas Komunikasi dan Informatika Kota Pekalongan — seed 003 names the services only: every standard
//    below is an example (contoh). What seed 003 does say (tracking stages, email notices, complaint rules,
//    data protection) is used where it fits.

const PKL_PROSEDUR_AKHIR = lines(
  "Status pengajuan dapat dipantau melalui menu \"Tracking/Lacak\": Diterima, Verifikasi, Diproses, Selesai.",
  "Sistem mengirimkan notifikasi melalui email setiap kali status layanan berubah.",
);

const PKL_UMUM = {
  contoh: true,
  biaya: 0,
  biayaKeterangan: "Tidak dipungut biaya",
  saranaPrasarana: numbered([
    "Sistem Informasi Manajemen Layanan SPBE Kota Pekalongan (dapat diakses melalui browser komputer dan handphone);",
    "Notifikasi email otomatis;",
    "Ruang helpdesk dan pusat data;",
    "Komputer, jaringan internet, dan perangkat pendukung sesuai jenis layanan.",
  ]),
  pengawasanInternal: numbered([
    "Supervisi oleh atasan langsung (Kepala Bidang terkait);",
    "Sistem Pengendalian Intern Pemerintah;",
    "Pengawasan fungsional oleh Inspektorat Kota Pekalongan.",
  ]),
  penangananPengaduan: numbered([
    "Melalui fitur pengaduan pada Sistem Informasi Manajemen Layanan (bagi warga yang telah terdaftar);",
    "Aduan wajib menyertakan bukti/file pendukung serta alasan atau kategori aduan;",
    "Aduan yang memenuhi syarat dan terverifikasi oleh administrator ditindaklanjuti dalam 2x24 jam setelah diterima dan diverifikasi;",
    "Progres aduan dapat dilihat pada menu \"Tracking/Lacak\"; proses aduan tidak dipungut biaya;",
    "Melalui email dan nomor telepon tim dukungan yang tertera pada halaman utama sistem.",
  ]),
  jaminanPelayanan:
    "Pelayanan dilaksanakan sesuai Standar Pelayanan (SP) dan Standar Operasional Prosedur (SOP) yang tersedia untuk setiap layanan; status dapat dipantau secara real-time.",
  jaminanKeamanan: numbered([
    "Sistem menggunakan enkripsi data dan pemantauan aktivitas untuk menjaga keamanan data pengguna;",
    "Data pribadi hanya dapat diakses oleh pemohon sendiri dan petugas yang berwenang;",
    "Akses diatur berdasarkan hak akses yang diverifikasi administrator sistem.",
  ]),
  evaluasiKinerja: numbered([
    "Evaluasi kinerja pelaksana oleh atasan langsung setiap bulan;",
    "Survei Kepuasan Masyarakat secara berkala (Peraturan Menteri PANRB Nomor 14 Tahun 2017);",
    "Masukan melalui fitur umpan balik sistem digunakan untuk perbaikan layanan.",
  ]),
} as const;

const PKL_DASAR_SPBE = [
  "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik beserta perubahannya;",
  "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
  "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik;",
  "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
];

const KOTA_PEKALONGAN: SeedKatalog = {
  instansi: {
    kode: "KOMINFO-KOTA-PKL",
    nama: "Dinas Komunikasi dan Informatika Kota Pekalongan",
    prefixNomor: "PKL",
    // the seed gives no address, telephone or email: admins fill them in
    alamat: "Kota Pekalongan, Jawa Tengah",
    telepon: "",
    email: "",
    website: "https://pekalongankota.go.id",
    zonaWaktu: "Asia/Jakarta",
    jamLayanan: JAM_ASUMSI,
  },
  layanan: [
    {
      ...PKL_UMUM,
      kode: "GANGGUAN-JARINGAN",
      nama: "Penanganan Gangguan Jaringan",
      kategori: "SPBE",
      deskripsi: "Penanganan gangguan jaringan internet/intranet pada Perangkat Daerah di lingkungan Pemerintah Kota Pekalongan.",
      dasarHukum: numbered(PKL_DASAR_SPBE),
      persyaratanKeterangan: numbered([
        "Pelapor adalah ASN/petugas Perangkat Daerah yang terdaftar di sistem;",
        "Mengisi formulir laporan gangguan (lokasi, jenis gangguan, uraian);",
        "Foto kondisi perangkat atau tangkapan layar pesan galat (jika ada).",
      ]),
      prosedur: lines(
        numbered([
          "Pelapor mengisi formulir laporan gangguan jaringan pada sistem;",
          "Petugas helpdesk memverifikasi laporan dan menentukan prioritas;",
          "Teknisi melakukan pengecekan jarak jauh atau mendatangi lokasi;",
          "Teknisi memperbaiki gangguan dan mencatat berita acara penanganan;",
          "Pelapor mengonfirmasi bahwa gangguan telah teratasi; status menjadi Selesai.",
        ]),
        PKL_PROSEDUR_AKHIR,
      ),
      prosedurFlowchart: null,
      slaJumlah: 4,
      slaSatuan: "JAM_KERJA",
      jangkaWaktuKeterangan:
        "Penanganan awal paling lama 4 jam kerja sejak laporan diverifikasi; perbaikan yang memerlukan penggantian perangkat dapat lebih lama dan diinformasikan kepada pelapor.",
      produkLayanan: "Gangguan jaringan tertangani dan berita acara penanganan gangguan.",
      kompetensiPelaksana: numbered([
        "Pendidikan minimal D3 Teknik Informatika/Komputer/Telekomunikasi;",
        "Memahami jaringan komputer (LAN/WAN, Wi-Fi, perangkat aktif);",
        "Mampu melakukan diagnosis dan perbaikan gangguan.",
      ]),
      jumlahPelaksana: "3 Orang",
      unduhOnline: true,
      ambilDiKantor: false,
      persyaratan: [foto("Foto kondisi perangkat / tangkapan layar gangguan", "Jika ada.", false)],
      formFields: [
        { nama: "perangkatDaerah", label: "Perangkat Daerah / unit kerja", tipe: "TEXT", wajib: true, max: 200 },
        { nama: "lokasi", label: "Lokasi gangguan (gedung, ruang)", tipe: "TEXTAREA", wajib: true, max: 500 },
        {
          nama: "jenisGangguan",
          label: "Jenis gangguan",
          tipe: "SELECT",
          wajib: true,
          opsi: [
            "Internet tidak terhubung",
            "Koneksi lambat atau putus-putus",
            "Jaringan lokal (LAN/Wi-Fi) bermasalah",
            "Perangkat jaringan rusak",
            "Lainnya",
          ],
        },
        { nama: "uraian", label: "Uraian gangguan", tipe: "TEXTAREA", wajib: true, min: 10, max: 2000 },
        telepon("Nomor telepon narahubung di lokasi"),
      ],
    },
    {
      ...PKL_UMUM,
      kode: "DOMAIN-HOSTING",
      nama: "Pengajuan Domain dan Hosting",
      kategori: "SPBE",
      deskripsi:
        "Pengajuan subdomain .pekalongankota.go.id dan/atau ruang hosting di pusat data Pemerintah Kota Pekalongan bagi Perangkat Daerah.",
      dasarHukum: numbered([
        ...PKL_DASAR_SPBE,
        "Peraturan Menteri Komunikasi dan Informatika Nomor 5 Tahun 2015 tentang Registrar Nama Domain Instansi Penyelenggara Negara;",
      ]),
      persyaratanKeterangan: numbered([
        "Surat permohonan dari Kepala Perangkat Daerah;",
        "Deskripsi aplikasi/situs yang akan ditempatkan (jika meminta hosting);",
        "Penanggung jawab teknis dan konten dari Perangkat Daerah pemohon.",
      ]),
      prosedur: lines(
        numbered([
          "Pemohon mengisi formulir dan mengunggah surat permohonan;",
          "Petugas memverifikasi kelengkapan dan ketersediaan nama subdomain;",
          "Petugas mengonfigurasi DNS dan/atau menyiapkan ruang hosting;",
          "Akses dan informasi konfigurasi dikirim kepada penanggung jawab teknis.",
        ]),
        PKL_PROSEDUR_AKHIR,
      ),
      prosedurFlowchart: null,
      slaJumlah: 3,
      slaSatuan: "HARI_KERJA",
      jangkaWaktuKeterangan: "3 hari kerja sejak permohonan dinyatakan lengkap.",
      produkLayanan: "Subdomain .pekalongankota.go.id aktif dan/atau akun hosting beserta informasi aksesnya.",
      kompetensiPelaksana: numbered([
        "Pendidikan minimal D3 Teknik Informatika/Komputer;",
        "Memahami pengelolaan DNS, server web, dan keamanan server;",
        "Memahami ketentuan nama domain instansi pemerintah.",
      ]),
      jumlahPelaksana: "2 Orang",
      unduhOnline: true,
      ambilDiKantor: false,
      persyaratan: [
        dok("Surat Permohonan dari Kepala Perangkat Daerah"),
        dok("Deskripsi aplikasi/situs", "Wajib bila meminta hosting: kebutuhan kapasitas, bahasa pemrograman, basis data.", false),
      ],
      formFields: [
        { nama: "perangkatDaerah", label: "Perangkat Daerah pemohon", tipe: "TEXT", wajib: true, max: 200 },
        {
          nama: "jenisPengajuan",
          label: "Jenis pengajuan",
          tipe: "SELECT",
          wajib: true,
          opsi: ["Subdomain saja", "Subdomain dan hosting", "Hosting saja"],
        },
        {
          nama: "namaSubdomain",
          label: "Nama subdomain",
          tipe: "TEXT",
          wajib: false,
          pola: "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
          bantuan: "Huruf kecil, angka, dan tanda hubung; akan menjadi <nama>.pekalongankota.go.id.",
        },
        { nama: "kebutuhanHosting", label: "Kebutuhan hosting", tipe: "TEXTAREA", wajib: false, max: 2000 },
        { nama: "penanggungJawab", label: "Nama penanggung jawab teknis", tipe: "TEXT", wajib: true, max: 100 },
        { nama: "emailPenanggungJawab", label: "Email penanggung jawab teknis", tipe: "EMAIL", wajib: true },
        telepon(),
      ],
    },
    {
      ...PKL_UMUM,
      kode: "SERTIFIKAT-ELEKTRONIK",
      nama: "Penerbitan Sertifikat Elektronik",
      kategori: "SPBE",
      deskripsi:
        "Pendaftaran dan verifikasi penerbitan sertifikat elektronik Balai Sertifikasi Elektronik (BSrE) untuk tanda tangan elektronik ASN di lingkungan Pemerintah Kota Pekalongan.",
      dasarHukum: numbered([
        ...PKL_DASAR_SPBE,
        "Peraturan Badan Siber dan Sandi Negara tentang penyelenggaraan sertifikat elektronik yang berlaku.",
      ]),
      persyaratanKeterangan: numbered([
        "Pemohon adalah ASN di lingkungan Pemerintah Kota Pekalongan;",
        "Surat rekomendasi/permohonan dari Kepala Perangkat Daerah;",
        "KTP dan SK jabatan/pengangkatan terakhir;",
        "Memiliki email dinas yang aktif.",
      ]),
      prosedur: lines(
        numbered([
          "Pemohon mengisi formulir dan mengunggah persyaratan;",
          "Petugas verifikasi (Registration Authority) memeriksa identitas dan dokumen;",
          "Permohonan diteruskan ke BSrE; pemohon menerima email aktivasi;",
          "Pemohon menyelesaikan aktivasi dan membuat passphrase sendiri (tidak pernah diberitahukan kepada petugas).",
        ]),
        PKL_PROSEDUR_AKHIR,
      ),
      prosedurFlowchart: null,
      slaJumlah: 3,
      slaSatuan: "HARI_KERJA",
      jangkaWaktuKeterangan: "3 hari kerja sejak dokumen dinyatakan lengkap dan valid, di luar waktu pemrosesan di BSrE.",
      produkLayanan: "Sertifikat elektronik BSrE atas nama pemohon untuk tanda tangan elektronik.",
      kompetensiPelaksana: numbered([
        "Ditetapkan sebagai petugas verifikasi (Registration Authority);",
        "Memahami ketentuan sertifikat elektronik dan persandian;",
        "Teliti dalam pemeriksaan identitas.",
      ]),
      jumlahPelaksana: "2 Orang",
      unduhOnline: true,
      ambilDiKantor: false,
      persyaratan: [
        dok("Surat Rekomendasi dari Kepala Perangkat Daerah"),
        dok("KTP"),
        dok("SK Jabatan/Pengangkatan Terakhir"),
      ],
      formFields: [
        nip(),
        { nama: "nik", label: "NIK", tipe: "NIK", wajib: true },
        { nama: "jabatan", label: "Jabatan", tipe: "TEXT", wajib: true, max: 200 },
        { nama: "perangkatDaerah", label: "Perangkat Daerah", tipe: "TEXT", wajib: true, max: 200 },
        {
          nama: "emailDinas",
          label: "Email dinas",
          tipe: "EMAIL",
          wajib: true,
          pola: "[^@\\s]+@(?:[a-z0-9-]+\\.)*pekalongankota\\.go\\.id",
          bantuan: "Alamat email dengan domain pekalongankota.go.id.",
        },
        telepon(),
      ],
    },
    {
      ...PKL_UMUM,
      kode: "PERMOHONAN-INFORMASI",
      nama: "Permohonan Informasi Publik",
      kategori: "Informasi Publik",
      deskripsi: "Permohonan informasi publik kepada PPID Kota Pekalongan melalui Sistem Informasi Manajemen Layanan.",
      dasarHukum: numbered([
        "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
        "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008;",
        "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik.",
      ]),
      persyaratanKeterangan: numbered([
        "Melengkapi formulir permohonan sesuai SOP yang berlaku;",
        "Identitas pemohon (KTP); badan hukum melampirkan akta/pengesahan badan hukum.",
      ]),
      prosedur: lines(
        numbered([
          "Pemohon mengisi formulir permohonan informasi pada sistem dan mengunggah identitas;",
          "PPID mencatat permohonan dalam register dan memberikan nomor pendaftaran;",
          "PPID memeriksa penguasaan dan klasifikasi informasi;",
          "PPID memberikan tanggapan tertulis: dikabulkan seluruhnya/sebagian atau ditolak dengan alasan pengecualian;",
          "Bila tidak puas, pemohon dapat mengajukan keberatan kepada atasan PPID.",
        ]),
        PKL_PROSEDUR_AKHIR,
      ),
      prosedurFlowchart: null,
      slaJumlah: 10,
      slaSatuan: "HARI_KERJA",
      jangkaWaktuKeterangan:
        "Paling lambat 10 hari kerja sejak permohonan diterima; dapat diperpanjang satu kali paling lama 7 hari kerja dengan pemberitahuan tertulis (UU 14/2008 Pasal 22).",
      biayaKeterangan: "Tidak dipungut biaya; biaya penggandaan (jika ada) sesuai ketentuan.",
      produkLayanan: "Tanggapan tertulis PPID beserta informasi publik yang dimohon (softcopy/hardcopy).",
      kompetensiPelaksana: numbered([
        "Memahami Undang-Undang Keterbukaan Informasi Publik dan uji konsekuensi;",
        "Mampu mengoperasikan aplikasi layanan informasi;",
        "Komunikatif dan berorientasi pelayanan.",
      ]),
      jumlahPelaksana: "2 Orang",
      unduhOnline: true,
      ambilDiKantor: true,
      persyaratan: [dok("KTP Pemohon"), dok("Akta/Pengesahan Badan Hukum", "Khusus pemohon berbadan hukum.", false)],
      formFields: [
        { nama: "rincianInformasi", label: "Rincian informasi yang dibutuhkan", tipe: "TEXTAREA", wajib: true, min: 10, max: 2000 },
        { nama: "tujuanPenggunaan", label: "Tujuan penggunaan informasi", tipe: "TEXTAREA", wajib: true, min: 10, max: 1000 },
        {
          nama: "caraMemperoleh",
          label: "Cara memperoleh informasi",
          tipe: "SELECT",
          wajib: true,
          opsi: ["Melihat/membaca/mendengarkan/mencatat", "Mendapatkan salinan softcopy", "Mendapatkan salinan hardcopy"],
        },
        telepon(),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// 4. Kantor Kementerian Agama Kabupaten Madiun — MasPeci (seed 000) counts 31 services without naming them.
//    Every service below is an example (contoh); the shared components follow MasPeci's terms.

type KategoriKemenag =
  | "Haji dan Umrah"
  | "Pendidikan Madrasah"
  | "Pendidikan Diniyah dan Pondok Pesantren"
  | "Bimbingan Masyarakat Islam"
  | "Zakat dan Wakaf"
  | "Kepegawaian"
  | "Umum";

const KMG_DASAR_UMUM = [
  "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
  "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi;",
  "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
  "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan.",
];

const KMG_DASAR_KATEGORI: Record<KategoriKemenag, string[]> = {
  "Haji dan Umrah": ["Undang-Undang Nomor 8 Tahun 2019 tentang Penyelenggaraan Ibadah Haji dan Umrah beserta perubahannya;"],
  "Pendidikan Madrasah": [
    "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional;",
    "Peraturan Pemerintah Nomor 55 Tahun 2007 tentang Pendidikan Agama dan Pendidikan Keagamaan;",
    "Peraturan Menteri Agama Nomor 90 Tahun 2013 tentang Penyelenggaraan Pendidikan Madrasah beserta perubahannya;",
  ],
  "Pendidikan Diniyah dan Pondok Pesantren": [
    "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional;",
    "Undang-Undang Nomor 18 Tahun 2019 tentang Pesantren;",
    "Peraturan Pemerintah Nomor 55 Tahun 2007 tentang Pendidikan Agama dan Pendidikan Keagamaan;",
  ],
  "Bimbingan Masyarakat Islam": [],
  "Zakat dan Wakaf": [],
  Kepegawaian: [
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;",
  ],
  Umum: [],
};

const KMG_KOMPETENSI: Record<KategoriKemenag, string[]> = {
  "Haji dan Umrah": [
    "Pendidikan minimal SMA/sederajat;",
    "Memahami peraturan penyelenggaraan ibadah haji dan umrah;",
    "Mampu mengoperasikan SISKOHAT dan aplikasi perkantoran;",
    "Teliti, ramah, dan komunikatif.",
  ],
  "Pendidikan Madrasah": [
    "Pendidikan minimal S1;",
    "Memahami peraturan penyelenggaraan pendidikan madrasah;",
    "Mampu mengoperasikan EMIS dan aplikasi perkantoran;",
    "Teliti dan komunikatif.",
  ],
  "Pendidikan Diniyah dan Pondok Pesantren": [
    "Pendidikan minimal S1;",
    "Memahami peraturan tentang pesantren dan pendidikan keagamaan Islam;",
    "Mampu melakukan verifikasi lapangan dan mengoperasikan EMIS;",
    "Teliti dan komunikatif.",
  ],
  "Bimbingan Masyarakat Islam": [
    "Pendidikan minimal S1;",
    "Memahami peraturan perkawinan, kemasjidan, dan bimbingan masyarakat Islam;",
    "Mampu mengoperasikan aplikasi perkantoran dan aplikasi layanan terkait;",
    "Teliti, ramah, dan komunikatif.",
  ],
  "Zakat dan Wakaf": [
    "Pendidikan minimal S1;",
    "Memahami peraturan zakat dan wakaf;",
    "Mampu berkoordinasi dengan KUA, BAZNAS, dan Kantor Pertanahan;",
    "Teliti dan komunikatif.",
  ],
  Kepegawaian: [
    "Pendidikan minimal D3/S1;",
    "Memahami peraturan manajemen ASN;",
    "Mampu mengoperasikan SIASN/SIMPEG dan aplikasi perkantoran;",
    "Teliti dan menjaga kerahasiaan data pegawai.",
  ],
  Umum: [
    "Pendidikan minimal SMA/sederajat;",
    "Memahami tata naskah dinas dan keterbukaan informasi publik;",
    "Mampu mengoperasikan aplikasi perkantoran;",
    "Ramah dan komunikatif.",
  ],
};

interface KemenagSpec {
  kode: string;
  nama: string;
  kategori: KategoriKemenag;
  deskripsi: string;
  dasarHukum?: string[];
  persyaratan: SeedPersyaratan[];
  formFields: SeedFormField[];
  slaJumlah: number;
  slaSatuan: SeedSlaSatuan;
  /** what the office does once the documents are complete (procedure step 4) */
  proses: string;
  produk: string;
  jangkaCatatan?: string;
  biayaKeterangan?: string;
  unduhOnline?: boolean;
  ambilDiKantor?: boolean;
  jumlahPelaksana?: string;
}

const KMG_PERSYARATAN_UMUM = numbered([
  "Dokumen sesuai daftar persyaratan layanan ini;",
  "Semua dokumen harus asli atau salinan yang dilegalisir, dipindai jelas dan terbaca;",
  "Format file PDF, JPG, atau PNG, ukuran maksimal 2 MB per file;",
  "Dokumen palsu atau yang dimanipulasi mengakibatkan penolakan dan sanksi hukum.",
]);

function langkah(spec: KemenagSpec): string {
  const ambil = spec.ambilDiKantor ?? true;
  const unduh = spec.unduhOnline ?? true;
  const serah =
    unduh && ambil
      ? "Dokumen hasil layanan dikirim ke Log Inbox untuk diunduh, atau diambil di kantor dengan membawa identitas asli dan bukti pengajuan online."
      : ambil
        ? "Dokumen hasil layanan diambil di kantor dengan membawa identitas asli dan bukti pengajuan online."
        : "Dokumen hasil layanan dikirim ke Log Inbox untuk diunduh.";
  return numbered([
    "Pemohon login menggunakan NIK/NIP dan kata sandi, lalu memilih layanan;",
    "Pemohon mengisi formulir sesuai contoh yang ditetapkan dan mengunggah dokumen persyaratan;",
    "Petugas memverifikasi kelengkapan dan keabsahan berkas; bila belum lengkap, pengajuan dikembalikan untuk dilengkapi (waktu penyelesaian belum berjalan);",
    spec.proses,
    "Status pengajuan dapat dipantau secara realtime pada menu Log Pengajuan;",
    serah,
  ]);
}

function jangkaWaktu(spec: KemenagSpec): string {
  const satuan = spec.slaSatuan === "MENIT" ? "menit" : spec.slaSatuan === "JAM_KERJA" ? "jam kerja" : "hari kerja";
  const dasar =
    `${spec.slaJumlah} ${satuan} sejak dokumen dinyatakan lengkap dan valid. ` +
    "Hari libur nasional dan cuti bersama tidak dihitung; waktu dapat lebih lama bila dokumen perlu dilengkapi atau diklarifikasi.";
  return spec.jangkaCatatan ? `${dasar} ${spec.jangkaCatatan}` : dasar;
}

function kemenag(spec: KemenagSpec): SeedLayanan {
  return {
    kode: spec.kode,
    nama: spec.nama,
    kategori: spec.kategori,
    deskripsi: spec.deskripsi,
    contoh: true,
    dasarHukum: numbered([...KMG_DASAR_UMUM, ...KMG_DASAR_KATEGORI[spec.kategori], ...(spec.dasarHukum ?? [])]),
    persyaratanKeterangan: KMG_PERSYARATAN_UMUM,
    prosedur: langkah(spec),
    prosedurFlowchart: null,
    slaJumlah: spec.slaJumlah,
    slaSatuan: spec.slaSatuan,
    jangkaWaktuKeterangan: jangkaWaktu(spec),
    biaya: 0,
    biayaKeterangan:
      spec.biayaKeterangan ??
      "Tidak dipungut biaya. Kantor tidak pernah meminta pembayaran melalui transfer pribadi atau metode tidak resmi.",
    produkLayanan: spec.produk,
    saranaPrasarana: numbered([
      "Ruang Pelayanan Terpadu Satu Pintu (PTSP) dan ruang tunggu;",
      "Aplikasi MasPeci Online (akses 24 jam untuk pendaftaran dan pemantauan);",
      "Komputer, printer, dan pemindai;",
      "Jaringan internet;",
      "Telepon layanan;",
      "Alat tulis kantor;",
      "Fasilitas bagi penyandang disabilitas, lansia, dan ibu menyusui.",
    ]),
    kompetensiPelaksana: numbered(KMG_KOMPETENSI[spec.kategori]),
    pengawasanInternal: numbered([
      "Supervisi oleh atasan langsung (Kepala Seksi/Penyelenggara terkait dan Kepala Subbagian Tata Usaha);",
      "Sistem Pengendalian Intern Pemerintah;",
      "Pengawasan fungsional oleh Inspektorat Jenderal Kementerian Agama.",
    ]),
    penangananPengaduan: numbered([
      "Melalui fitur pengaduan pada MasPeci Online;",
      "Email: otala.kabmadiun@gmail.com;",
      "Telepon: 082245552687;",
      "Datang langsung ke Kantor Kementerian Agama Kabupaten Madiun pada jam kerja;",
      "SP4N-LAPOR! (lapor.go.id);",
      "Pengaduan ditanggapi paling lambat 2x24 jam kerja (dua hari kerja); penyelesaiannya bergantung pada kompleksitas masalah dan perkembangannya diinformasikan kepada pelapor.",
    ]),
    jumlahPelaksana: spec.jumlahPelaksana ?? "2 Orang",
    jaminanPelayanan: numbered([
      "Pelayanan dilaksanakan sesuai Standar Pelayanan dan Maklumat Pelayanan Kantor Kementerian Agama Kabupaten Madiun;",
      "Penggunaan MasPeci Online dan pengajuan layanan tidak dipungut biaya;",
      "Bila pengajuan ditolak, pemohon menerima penjelasan alasannya dan dapat mengajukan kembali setelah melengkapi persyaratan.",
    ]),
    jaminanKeamanan: numbered([
      "Data pribadi dan dokumen unggahan dilindungi sesuai UU Nomor 27 Tahun 2022 dan hanya dapat diakses oleh pemohon serta petugas yang berwenang;",
      "Dokumen hasil layanan dapat dilengkapi tanda tangan elektronik (jika berlaku);",
      "Dokumen diserahkan hanya kepada pemohon atau kuasanya yang sah;",
      "Ruang pelayanan dilengkapi alat pemadam api ringan dan jalur evakuasi.",
    ]),
    evaluasiKinerja: numbered([
      "Evaluasi kinerja pelaksana oleh atasan langsung setiap bulan;",
      "Survei Kepuasan Masyarakat setiap 6 (enam) bulan sesuai Peraturan Menteri PANRB Nomor 14 Tahun 2017;",
      "Hasil evaluasi ditindaklanjuti untuk perbaikan Standar Pelayanan.",
    ]),
    unduhOnline: spec.unduhOnline ?? true,
    ambilDiKantor: spec.ambilDiKantor ?? true,
    persyaratan: spec.persyaratan,
    formFields: spec.formFields,
  };
}

const nomorPorsi: SeedFormField = {
  nama: "nomorPorsi",
  label: "Nomor porsi haji",
  tipe: "TEXT",
  wajib: true,
  pola: "\\d{10}",
  bantuan: "10 digit, tercantum pada bukti pendaftaran haji (SPPH).",
};
const jenjangMadrasah: SeedFormField = {
  nama: "jenjang",
  label: "Jenjang",
  tipe: "SELECT",
  wajib: true,
  opsi: ["MI", "MTs", "MA", "MAK"],
};
const tahunLulus: SeedFormField = { nama: "tahunLulus", label: "Tahun lulus", tipe: "NUMBER", wajib: true, min: 1945, max: 2100 };
const jumlahLembar: SeedFormField = {
  nama: "jumlahLembar",
  label: "Jumlah lembar yang dilegalisir",
  tipe: "NUMBER",
  wajib: true,
  min: 1,
  max: 10,
};
const alamatLokasi: SeedFormField = { nama: "alamatLokasi", label: "Alamat lokasi", tipe: "TEXTAREA", wajib: true, max: 500 };
const jenisRumahIbadat: SeedFormField = {
  nama: "jenisRumahIbadat",
  label: "Jenis rumah ibadat",
  tipe: "SELECT",
  wajib: true,
  opsi: ["Masjid", "Musala", "Gereja", "Pura", "Vihara", "Klenteng"],
};
const pasFoto = (label = "Pas Foto Terbaru", keterangan = "Latar belakang putih, wajah terlihat jelas."): SeedPersyaratan =>
  foto(label, keterangan);
const ktp = (label = "KTP Pemohon", keterangan?: string): SeedPersyaratan => dok(label, keterangan);

const KMG_LAYANAN: SeedLayanan[] = [
  // --- Haji dan Umrah -----------------------------------------------------------------------------
  kemenag({
    kode: "PENDAFTARAN-HAJI-REGULER",
    nama: "Pendaftaran Haji Reguler",
    kategori: "Haji dan Umrah",
    deskripsi:
      "Pendaftaran calon jemaah haji reguler untuk memperoleh nomor porsi. Berkas diperiksa online; pemohon kemudian datang ke kantor untuk perekaman foto dan sidik jari serta penandatanganan Surat Pendaftaran Pergi Haji (SPPH).",
    dasarHukum: ["Peraturan Menteri Agama Nomor 13 Tahun 2021 tentang Penyelenggaraan Ibadah Haji Reguler."],
    persyaratan: [
      ktp("KTP Calon Jemaah", "KTP berdomisili di Kabupaten Madiun."),
      dok("Kartu Keluarga"),
      dok("Akta Kelahiran/Surat Kenal Lahir/Buku Nikah/Ijazah", "Salah satu dokumen yang memuat nama ayah kandung dan tanggal lahir."),
      dok("Bukti Setoran Awal BPIH", "Dari Bank Penerima Setoran BPIH (BPS-BPIH)."),
      pasFoto("Pas Foto Terbaru", "Latar belakang putih, tampak wajah sekitar 80%."),
    ],
    formFields: [
      { nama: "namaAyahKandung", label: "Nama ayah kandung", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "bankPenerimaSetoran", label: "Bank penerima setoran", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "tanggalSetoranAwal", label: "Tanggal setoran awal", tipe: "DATE", wajib: true },
      telepon(),
    ],
    slaJumlah: 1,
    slaSatuan: "HARI_KERJA",
    proses:
      "Petugas menjadwalkan kedatangan pemohon untuk perekaman foto dan sidik jari serta penandatanganan SPPH, lalu memasukkan data ke SISKOHAT hingga terbit nomor porsi;",
    produk: "Bukti pendaftaran haji (SPPH) dengan nomor porsi.",
    biayaKeterangan:
      "Tidak dipungut biaya oleh kantor. Setoran awal BPIH dibayarkan langsung oleh pemohon ke Bank Penerima Setoran (BPS-BPIH), tidak melalui petugas.",
    unduhOnline: false,
    ambilDiKantor: true,
  }),
  kemenag({
    kode: "PEMBATALAN-PORSI-HAJI",
    nama: "Pembatalan Pendaftaran Haji",
    kategori: "Haji dan Umrah",
    deskripsi: "Pengajuan pembatalan pendaftaran (porsi) haji reguler karena jemaah meninggal dunia atau alasan lain, untuk pengembalian setoran.",
    persyaratan: [
      dok("Surat Permohonan Pembatalan Bermeterai", "Ditujukan kepada Kepala Kantor Kementerian Agama Kabupaten Madiun."),
      dok("Bukti Setoran Awal BPIH"),
      dok("Bukti Pendaftaran Haji (SPPH)"),
      ktp("KTP dan KK Jemaah"),
      dok("Buku Tabungan/Rekening atas Nama Jemaah atau Ahli Waris"),
      dok("Surat Keterangan Kematian", "Wajib jika jemaah meninggal dunia.", false),
      dok("Surat Keterangan Ahli Waris dan Surat Kuasa Ahli Waris", "Wajib jika jemaah meninggal dunia.", false),
    ],
    formFields: [
      nomorPorsi,
      {
        nama: "alasanPembatalan",
        label: "Alasan pembatalan",
        tipe: "SELECT",
        wajib: true,
        opsi: ["Jemaah meninggal dunia", "Alasan lain"],
      },
      { nama: "keterangan", label: "Keterangan", tipe: "TEXTAREA", wajib: false, max: 1000 },
      telepon(),
    ],
    slaJumlah: 3,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi data jemaah di SISKOHAT dan menerbitkan surat usulan pembatalan kepada instansi yang berwenang;",
    produk: "Surat usulan pembatalan pendaftaran haji.",
    jangkaCatatan: "Pengembalian setoran oleh instansi pusat mengikuti ketentuan yang berlaku dan tidak termasuk dalam jangka waktu ini.",
  }),
  kemenag({
    kode: "PELIMPAHAN-PORSI-HAJI",
    nama: "Pelimpahan Nomor Porsi Jemaah Haji Wafat atau Sakit Permanen",
    kategori: "Haji dan Umrah",
    deskripsi: "Pengajuan pelimpahan nomor porsi jemaah haji yang wafat atau sakit permanen kepada anggota keluarga yang memenuhi ketentuan.",
    persyaratan: [
      dok("Surat Permohonan Pelimpahan Bermeterai"),
      dok("Surat Keterangan Kematian atau Surat Keterangan Sakit Permanen dari Rumah Sakit", DATA_SPESIFIK),
      dok("Surat Kuasa Pelimpahan dari Ahli Waris"),
      dok("KTP dan KK Penerima Pelimpahan"),
      dok("Akta Kelahiran/Buku Nikah", "Bukti hubungan keluarga dengan jemaah."),
      dok("Bukti Setoran Awal BPIH"),
    ],
    formFields: [
      nomorPorsi,
      { nama: "namaPenerima", label: "Nama penerima pelimpahan", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "nikPenerima", label: "NIK penerima pelimpahan", tipe: "NIK", wajib: true },
      {
        nama: "hubunganKeluarga",
        label: "Hubungan keluarga dengan jemaah",
        tipe: "TEXT",
        wajib: true,
        max: 50,
        bantuan: "Sesuai ketentuan pelimpahan porsi yang berlaku, misalnya suami/istri, anak kandung, orang tua, saudara kandung.",
      },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi data jemaah dan penerima, lalu mengusulkan pelimpahan porsi kepada instansi yang berwenang;",
    produk: "Surat usulan pelimpahan nomor porsi.",
  }),
  kemenag({
    kode: "REKOMENDASI-PASPOR-HAJI-UMRAH",
    nama: "Rekomendasi Pembuatan Paspor Haji/Umrah",
    kategori: "Haji dan Umrah",
    deskripsi: "Surat rekomendasi kepada Kantor Imigrasi untuk pembuatan paspor bagi calon jemaah haji atau umrah.",
    persyaratan: [
      ktp(),
      dok("Kartu Keluarga"),
      dok("Akta Kelahiran/Buku Nikah/Ijazah"),
      dok(
        "Bukti Pendaftaran Haji atau Surat Keterangan dari PPIU",
        "Calon jemaah haji: bukti pendaftaran (SPPH). Calon jemaah umrah: surat keterangan terdaftar dari Penyelenggara Perjalanan Ibadah Umrah (PPIU).",
      ),
      pasFoto(),
    ],
    formFields: [
      { nama: "jenisPerjalanan", label: "Jenis perjalanan", tipe: "SELECT", wajib: true, opsi: ["Haji reguler", "Haji khusus", "Umrah"] },
      { nama: "namaPpiu", label: "Nama PPIU/PIHK (bila melalui biro)", tipe: "TEXT", wajib: false, max: 200 },
      telepon(),
    ],
    slaJumlah: 1,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memeriksa data calon jemaah dan menyiapkan surat rekomendasi untuk ditandatangani pejabat yang berwenang;",
    produk: "Surat rekomendasi pembuatan paspor kepada Kantor Imigrasi.",
  }),

  // --- Pendidikan Madrasah ------------------------------------------------------------------------
  kemenag({
    kode: "LEGALISASI-IJAZAH-MADRASAH",
    nama: "Legalisasi Ijazah Madrasah",
    kategori: "Pendidikan Madrasah",
    deskripsi: "Legalisasi fotokopi ijazah MI/MTs/MA/MAK. Ijazah diperiksa online; fotokopi yang dilegalisir diambil di kantor.",
    persyaratan: [
      dok("Ijazah Asli (pindaian)", "Bawa ijazah asli dan fotokopinya saat pengambilan."),
      ktp("KTP Pemilik Ijazah"),
      dok("Surat Kuasa", "Wajib bila pengambilan diwakilkan.", false),
    ],
    formFields: [
      jenjangMadrasah,
      { nama: "namaMadrasah", label: "Nama madrasah", tipe: "TEXT", wajib: true, max: 200 },
      tahunLulus,
      { nama: "nomorIjazah", label: "Nomor seri ijazah", tipe: "TEXT", wajib: true, max: 50 },
      jumlahLembar,
      telepon(),
    ],
    slaJumlah: 1,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas mencocokkan ijazah dengan data madrasah; saat pengambilan, fotokopi dicocokkan dengan ijazah asli lalu dicap dan ditandatangani pejabat yang berwenang;",
    produk: "Fotokopi ijazah yang telah dilegalisir.",
    unduhOnline: false,
    ambilDiKantor: true,
  }),
  kemenag({
    kode: "SURAT-KETERANGAN-PENGGANTI-IJAZAH",
    nama: "Surat Keterangan Pengganti Ijazah Madrasah",
    kategori: "Pendidikan Madrasah",
    deskripsi: "Penerbitan surat keterangan yang berpenghargaan sama dengan ijazah bagi lulusan madrasah yang ijazahnya hilang atau rusak.",
    persyaratan: [
      dok("Surat Keterangan Kehilangan dari Kepolisian", "Wajib bila ijazah hilang.", false),
      dok("Ijazah yang Rusak (pindaian)", "Wajib bila ijazah rusak.", false),
      dok("Surat Keterangan dari Kepala Madrasah Penerbit Ijazah"),
      dok("Fotokopi Ijazah Lama", "Bila masih ada.", false),
      ktp(),
      pasFoto("Pas Foto 3x4"),
      dok("Surat Pernyataan Tanggung Jawab Mutlak Bermeterai"),
    ],
    formFields: [
      jenjangMadrasah,
      { nama: "namaMadrasah", label: "Nama madrasah", tipe: "TEXT", wajib: true, max: 200 },
      tahunLulus,
      { nama: "sebab", label: "Sebab", tipe: "SELECT", wajib: true, opsi: ["Hilang", "Rusak", "Musnah karena bencana"] },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi data kelulusan pada arsip madrasah dan EMIS, lalu menyiapkan surat keterangan untuk ditandatangani Kepala Kantor;",
    produk: "Surat Keterangan Pengganti Ijazah.",
  }),
  kemenag({
    kode: "REKOMENDASI-IZIN-OPERASIONAL-MADRASAH",
    nama: "Rekomendasi Izin Operasional RA/Madrasah Swasta",
    kategori: "Pendidikan Madrasah",
    deskripsi:
      "Verifikasi dan rekomendasi pendirian/izin operasional Raudhatul Athfal (RA) atau madrasah swasta, sebagai dasar penerbitan izin oleh Kantor Wilayah Kementerian Agama.",
    persyaratan: [
      dok("Surat Permohonan dari Yayasan/Penyelenggara"),
      dok("Akta Pendirian Yayasan dan SK Pengesahan Badan Hukum"),
      dok("Bukti Kepemilikan atau Penguasaan Tanah dan Bangunan"),
      dok("Dokumen Studi Kelayakan/Rencana Induk Pengembangan"),
      dok("Data Calon Peserta Didik"),
      dok("Data Pendidik dan Tenaga Kependidikan"),
      dok("Denah dan Foto Sarana Prasarana"),
      dok("Kurikulum yang Akan Digunakan"),
    ],
    formFields: [
      { nama: "jenjang", label: "Jenjang", tipe: "SELECT", wajib: true, opsi: ["RA", "MI", "MTs", "MA"] },
      { nama: "namaCalonMadrasah", label: "Nama RA/madrasah", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "namaYayasan", label: "Nama yayasan/penyelenggara", tipe: "TEXT", wajib: true, max: 200 },
      alamatLokasi,
      telepon(),
    ],
    slaJumlah: 14,
    slaSatuan: "HARI_KERJA",
    proses: "Tim kantor melakukan verifikasi lapangan, menuangkan hasilnya dalam berita acara, dan menyampaikan rekomendasi kepada Kantor Wilayah Kementerian Agama Provinsi Jawa Timur;",
    produk: "Surat rekomendasi dan berita acara verifikasi lapangan.",
    jumlahPelaksana: "3 Orang",
  }),
  kemenag({
    kode: "REKOMENDASI-PINDAH-MADRASAH",
    nama: "Rekomendasi Pindah (Mutasi) Peserta Didik Madrasah",
    kategori: "Pendidikan Madrasah",
    deskripsi: "Surat rekomendasi pindah peserta didik antarmadrasah, antarkabupaten/kota, atau antarprovinsi.",
    persyaratan: [
      dok("Surat Keterangan Pindah dari Madrasah Asal"),
      dok("Surat Keterangan Bersedia Menerima dari Madrasah Tujuan"),
      dok("Rapor", "Halaman identitas dan nilai semester terakhir."),
      dok("Kartu Keluarga"),
    ],
    formFields: [
      { nama: "namaPesertaDidik", label: "Nama peserta didik", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "nisn", label: "NISN", tipe: "TEXT", wajib: true, pola: "\\d{10}", bantuan: "10 digit." },
      { nama: "madrasahAsal", label: "Madrasah asal", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "madrasahTujuan", label: "Madrasah/sekolah tujuan", tipe: "TEXT", wajib: true, max: 200 },
      telepon(),
    ],
    slaJumlah: 1,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi data peserta didik pada EMIS dan menyiapkan surat rekomendasi;",
    produk: "Surat rekomendasi pindah peserta didik.",
  }),
  kemenag({
    kode: "IZIN-PENELITIAN",
    nama: "Izin Penelitian di Lingkungan Kantor Kementerian Agama Kabupaten Madiun",
    kategori: "Umum",
    deskripsi: "Izin melakukan penelitian/riset di Kantor Kementerian Agama Kabupaten Madiun, KUA, atau madrasah di wilayahnya.",
    dasarHukum: ["Undang-Undang Nomor 11 Tahun 2019 tentang Sistem Nasional Ilmu Pengetahuan dan Teknologi."],
    persyaratan: [
      dok("Surat Pengantar dari Perguruan Tinggi/Lembaga"),
      dok("Proposal Penelitian"),
      dok("Kartu Tanda Mahasiswa/Identitas Peneliti"),
      dok("Instrumen Penelitian", "Kuesioner atau pedoman wawancara, bila ada.", false),
    ],
    formFields: [
      { nama: "judulPenelitian", label: "Judul penelitian", tipe: "TEXTAREA", wajib: true, min: 10, max: 500 },
      { nama: "asalLembaga", label: "Perguruan tinggi/lembaga", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "lokasiPenelitian", label: "Satuan kerja/madrasah/KUA yang dituju", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "tanggalMulai", label: "Tanggal mulai", tipe: "DATE", wajib: true },
      { nama: "tanggalSelesai", label: "Tanggal selesai", tipe: "DATE", wajib: true },
      telepon(),
    ],
    slaJumlah: 3,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas menelaah proposal dan berkoordinasi dengan satuan kerja yang dituju, lalu menyiapkan surat izin;",
    produk: "Surat izin penelitian.",
  }),

  // --- Pendidikan Diniyah dan Pondok Pesantren ----------------------------------------------------
  kemenag({
    kode: "REKOMENDASI-IZIN-OPERASIONAL-PONPES",
    nama: "Rekomendasi Izin Operasional Pondok Pesantren",
    kategori: "Pendidikan Diniyah dan Pondok Pesantren",
    deskripsi: "Verifikasi dan rekomendasi pendaftaran/izin operasional pondok pesantren.",
    persyaratan: [
      dok("Surat Permohonan"),
      dok("Akta Pendirian dan SK Badan Hukum Yayasan/Perkumpulan"),
      dok("Profil Pesantren"),
      dok("Data Kiai/Pengasuh", "Beserta bukti kompetensi keilmuan (ijazah/syahadah atau surat keterangan)."),
      dok("Data Santri Mukim"),
      dok("Bukti Kepemilikan atau Penguasaan Tanah dan Bangunan"),
      foto("Foto Pondok/Asrama, Masjid/Musala, dan Ruang Belajar"),
      dok("Daftar Kitab/Kurikulum yang Dikaji"),
    ],
    formFields: [
      { nama: "namaPesantren", label: "Nama pondok pesantren", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "namaPengasuh", label: "Nama pengasuh", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "jumlahSantriMukim", label: "Jumlah santri mukim", tipe: "NUMBER", wajib: true, min: 0, max: 100000 },
      alamatLokasi,
      telepon(),
    ],
    slaJumlah: 14,
    slaSatuan: "HARI_KERJA",
    proses: "Tim kantor melakukan verifikasi lapangan atas unsur-unsur pesantren dan menyampaikan rekomendasi kepada instansi yang berwenang;",
    produk: "Surat rekomendasi dan berita acara verifikasi lapangan.",
    dasarHukum: ["Peraturan Menteri Agama Nomor 30 Tahun 2020 tentang Pendirian dan Penyelenggaraan Pesantren."],
    jumlahPelaksana: "3 Orang",
  }),
  kemenag({
    kode: "IZIN-OPERASIONAL-LPQ",
    nama: "Izin Operasional Lembaga Pendidikan Al-Qur'an (TKQ/TPQ)",
    kategori: "Pendidikan Diniyah dan Pondok Pesantren",
    deskripsi: "Penerbitan izin operasional bagi Taman Kanak-kanak Al-Qur'an (TKQ) atau Taman Pendidikan Al-Qur'an (TPQ).",
    persyaratan: [
      dok("Surat Permohonan"),
      dok("Struktur Organisasi dan SK Pengurus"),
      dok("Data Santri dan Ustadz/Ustadzah"),
      dok("Bukti Penggunaan Tempat Belajar", "Surat kepemilikan atau pinjam pakai."),
      dok("Kurikulum/Metode Pembelajaran"),
      dok("Surat Keterangan Domisili dari Desa/Kelurahan"),
    ],
    formFields: [
      { nama: "namaLembaga", label: "Nama lembaga", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "jenisLembaga", label: "Jenis lembaga", tipe: "SELECT", wajib: true, opsi: ["TKQ", "TPQ"] },
      { nama: "jumlahSantri", label: "Jumlah santri", tipe: "NUMBER", wajib: true, min: 0, max: 100000 },
      alamatLokasi,
      telepon(),
    ],
    slaJumlah: 7,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi berkas dan, bila perlu, meninjau lokasi, lalu menyiapkan izin operasional;",
    produk: "Piagam/izin operasional lembaga pendidikan Al-Qur'an.",
  }),
  kemenag({
    kode: "IZIN-OPERASIONAL-MDT",
    nama: "Izin Operasional Madrasah Diniyah Takmiliyah",
    kategori: "Pendidikan Diniyah dan Pondok Pesantren",
    deskripsi: "Penerbitan izin operasional Madrasah Diniyah Takmiliyah (MDT) jenjang Ula, Wustha, Ulya, atau Al-Jami'ah.",
    persyaratan: [
      dok("Surat Permohonan"),
      dok("Struktur Organisasi dan SK Pengurus"),
      dok("Data Santri dan Pendidik"),
      dok("Bukti Penggunaan Tempat Belajar", "Surat kepemilikan atau pinjam pakai."),
      dok("Kurikulum"),
      dok("Surat Keterangan Domisili dari Desa/Kelurahan"),
    ],
    formFields: [
      { nama: "namaLembaga", label: "Nama MDT", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "jenjang", label: "Jenjang", tipe: "SELECT", wajib: true, opsi: ["Ula", "Wustha", "Ulya", "Al-Jami'ah"] },
      { nama: "jumlahSantri", label: "Jumlah santri", tipe: "NUMBER", wajib: true, min: 0, max: 100000 },
      alamatLokasi,
      telepon(),
    ],
    slaJumlah: 7,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi berkas dan, bila perlu, meninjau lokasi, lalu menyiapkan izin operasional;",
    produk: "Piagam/izin operasional Madrasah Diniyah Takmiliyah.",
  }),
  kemenag({
    kode: "LEGALISASI-IJAZAH-DINIYAH",
    nama: "Legalisasi Ijazah Pendidikan Diniyah dan Pesantren",
    kategori: "Pendidikan Diniyah dan Pondok Pesantren",
    deskripsi: "Legalisasi fotokopi ijazah Pendidikan Diniyah Formal, Pendidikan Kesetaraan pada Pondok Pesantren Salafiyah, atau Madrasah Diniyah Takmiliyah.",
    persyaratan: [
      dok("Ijazah Asli (pindaian)", "Bawa ijazah asli dan fotokopinya saat pengambilan."),
      ktp("KTP Pemilik Ijazah"),
      dok("Surat Kuasa", "Wajib bila pengambilan diwakilkan.", false),
    ],
    formFields: [
      {
        nama: "jenisPendidikan",
        label: "Jenis pendidikan",
        tipe: "SELECT",
        wajib: true,
        opsi: ["Pendidikan Diniyah Formal", "Pendidikan Kesetaraan Pondok Pesantren Salafiyah", "Madrasah Diniyah Takmiliyah"],
      },
      { nama: "namaLembaga", label: "Nama lembaga penerbit ijazah", tipe: "TEXT", wajib: true, max: 200 },
      tahunLulus,
      jumlahLembar,
      telepon(),
    ],
    slaJumlah: 1,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas mencocokkan ijazah dengan data lembaga; saat pengambilan, fotokopi dicocokkan dengan ijazah asli lalu dicap dan ditandatangani pejabat yang berwenang;",
    produk: "Fotokopi ijazah yang telah dilegalisir.",
    unduhOnline: false,
    ambilDiKantor: true,
  }),

  // --- Bimbingan Masyarakat Islam -----------------------------------------------------------------
  kemenag({
    kode: "DUPLIKAT-BUKU-NIKAH",
    nama: "Penerbitan Duplikat Buku Nikah",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi: "Pengajuan duplikat buku nikah yang hilang atau rusak; duplikat diterbitkan oleh KUA Kecamatan tempat pernikahan dicatat.",
    dasarHukum: [
      "Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan sebagaimana diubah dengan Undang-Undang Nomor 16 Tahun 2019;",
      "Peraturan Menteri Agama Nomor 20 Tahun 2019 tentang Pencatatan Pernikahan.",
    ],
    persyaratan: [
      dok("Surat Keterangan Kehilangan dari Kepolisian", "Wajib bila buku nikah hilang.", false),
      dok("Buku Nikah yang Rusak (pindaian)", "Wajib bila buku nikah rusak.", false),
      dok("KTP Suami dan Istri"),
      dok("Kartu Keluarga"),
      pasFoto("Pas Foto Suami dan Istri", "Masing-masing, latar belakang biru."),
    ],
    formFields: [
      { nama: "namaSuami", label: "Nama suami", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "namaIstri", label: "Nama istri", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "tanggalNikah", label: "Tanggal nikah", tipe: "DATE", wajib: true },
      { nama: "kuaPencatat", label: "KUA Kecamatan tempat nikah dicatat", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "sebab", label: "Sebab", tipe: "SELECT", wajib: true, opsi: ["Hilang", "Rusak"] },
      telepon(),
    ],
    slaJumlah: 3,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas meneruskan berkas kepada KUA Kecamatan tempat pernikahan dicatat; Kepala KUA menerbitkan duplikat berdasarkan akta nikah;",
    produk: "Duplikat buku nikah.",
    unduhOnline: false,
    ambilDiKantor: true,
  }),
  kemenag({
    kode: "LEGALISASI-BUKU-NIKAH",
    nama: "Legalisasi Fotokopi Buku Nikah",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi: "Legalisasi fotokopi buku nikah untuk keperluan administrasi (misalnya paspor, kepegawaian, atau perbankan).",
    dasarHukum: ["Peraturan Menteri Agama Nomor 20 Tahun 2019 tentang Pencatatan Pernikahan."],
    persyaratan: [dok("Buku Nikah Asli (pindaian halaman identitas)", "Bawa buku nikah asli dan fotokopinya saat pengambilan."), ktp()],
    formFields: [
      { nama: "kuaPencatat", label: "KUA Kecamatan tempat nikah dicatat", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "nomorAktaNikah", label: "Nomor akta nikah", tipe: "TEXT", wajib: true, max: 50 },
      { nama: "keperluan", label: "Keperluan", tipe: "TEXT", wajib: true, max: 200 },
      jumlahLembar,
      telepon(),
    ],
    slaJumlah: 1,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas mencocokkan data dengan akta nikah; saat pengambilan, fotokopi dicocokkan dengan buku nikah asli lalu dicap dan ditandatangani pejabat yang berwenang;",
    produk: "Fotokopi buku nikah yang telah dilegalisir.",
    unduhOnline: false,
    ambilDiKantor: true,
  }),
  kemenag({
    kode: "REKOMENDASI-NIKAH-WNA",
    nama: "Rekomendasi Nikah Calon Pengantin Warga Negara Asing",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi: "Surat rekomendasi bagi pernikahan warga negara Indonesia dengan calon pengantin warga negara asing yang akan dicatat di KUA.",
    dasarHukum: [
      "Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan sebagaimana diubah dengan Undang-Undang Nomor 16 Tahun 2019;",
      "Peraturan Menteri Agama Nomor 20 Tahun 2019 tentang Pencatatan Pernikahan.",
    ],
    persyaratan: [
      dok("Surat Izin/Keterangan dari Kedutaan atau Perwakilan Negara Calon Pengantin WNA", "Dokumen asing disertai terjemahan penerjemah tersumpah."),
      dok("Paspor Calon Pengantin WNA"),
      dok("Akta Kelahiran Calon Pengantin WNA", "Disertai terjemahan penerjemah tersumpah."),
      dok("Surat Keterangan Status Perkawinan Calon Pengantin WNA", "Disertai terjemahan penerjemah tersumpah."),
      dok("KTP dan KK Calon Pengantin WNI"),
      dok("Surat Pengantar dari KUA Kecamatan"),
      pasFoto("Pas Foto Kedua Calon Pengantin"),
    ],
    formFields: [
      { nama: "namaCalonWni", label: "Nama calon pengantin WNI", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "nikCalonWni", label: "NIK calon pengantin WNI", tipe: "NIK", wajib: true },
      { nama: "namaCalonWna", label: "Nama calon pengantin WNA", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "kewarganegaraanWna", label: "Kewarganegaraan calon pengantin WNA", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "nomorPaspor", label: "Nomor paspor calon pengantin WNA", tipe: "TEXT", wajib: true, max: 20 },
      { nama: "rencanaTanggalNikah", label: "Rencana tanggal nikah", tipe: "DATE", wajib: true },
      { nama: "kuaTempatNikah", label: "KUA Kecamatan tempat nikah", tipe: "TEXT", wajib: true, max: 100 },
      telepon(),
    ],
    slaJumlah: 3,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memeriksa keabsahan dokumen asing dan dokumen calon pengantin WNI, lalu menyiapkan surat rekomendasi;",
    produk: "Surat rekomendasi nikah.",
  }),
  kemenag({
    kode: "FASILITASI-SERTIFIKAT-HALAL",
    nama: "Fasilitasi Sertifikasi Halal Pelaku Usaha Mikro dan Kecil",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi:
      "Pendampingan pendaftaran sertifikasi halal melalui pernyataan pelaku usaha (self declare) bagi usaha mikro dan kecil; sertifikat diterbitkan oleh BPJPH.",
    dasarHukum: [
      "Undang-Undang Nomor 33 Tahun 2014 tentang Jaminan Produk Halal beserta perubahannya;",
      "Peraturan Pemerintah Nomor 39 Tahun 2021 tentang Penyelenggaraan Bidang Jaminan Produk Halal.",
    ],
    persyaratan: [
      dok("Nomor Induk Berusaha (NIB)"),
      ktp("KTP Pemilik Usaha"),
      dok("Daftar Produk dan Bahan yang Digunakan"),
      foto("Foto Produk dan Tempat Produksi"),
      dok("Alur Proses Produksi"),
    ],
    formFields: [
      { nama: "namaUsaha", label: "Nama usaha", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "nib", label: "NIB", tipe: "TEXT", wajib: true, pola: "\\d{13}", bantuan: "13 digit." },
      { nama: "jenisProduk", label: "Jenis produk", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "alamatUsaha", label: "Alamat usaha", tipe: "TEXTAREA", wajib: true, max: 500 },
      { nama: "emailUsaha", label: "Email (untuk akun SIHALAL)", tipe: "EMAIL", wajib: true },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Pendamping Proses Produk Halal membantu pendaftaran melalui SIHALAL serta melakukan verifikasi dan validasi pernyataan pelaku usaha;",
    produk: "Pendaftaran sertifikasi halal di SIHALAL beserta laporan pendampingan (sertifikat halal diterbitkan oleh BPJPH).",
    jangkaCatatan: "Penerbitan sertifikat oleh BPJPH mengikuti ketentuan BPJPH dan tidak termasuk dalam jangka waktu ini.",
    unduhOnline: true,
    ambilDiKantor: false,
  }),
  kemenag({
    kode: "REKOMENDASI-PENDIRIAN-RUMAH-IBADAT",
    nama: "Rekomendasi Pendirian Rumah Ibadat",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi:
      "Rekomendasi tertulis Kepala Kantor Kementerian Agama sebagai salah satu persyaratan khusus pendirian rumah ibadat.",
    dasarHukum: [
      "Peraturan Bersama Menteri Agama dan Menteri Dalam Negeri Nomor 9 dan 8 Tahun 2006 tentang Pedoman Pelaksanaan Tugas Kepala Daerah/Wakil Kepala Daerah dalam Pemeliharaan Kerukunan Umat Beragama, Pemberdayaan Forum Kerukunan Umat Beragama, dan Pendirian Rumah Ibadat.",
    ],
    persyaratan: [
      dok("Surat Permohonan dari Panitia Pembangunan"),
      dok("SK Susunan Panitia Pembangunan"),
      dok("Daftar Nama dan KTP Pengguna Rumah Ibadat", "Paling sedikit 90 orang, disahkan pejabat setempat. Memuat data pribadi banyak orang: unggah hanya untuk keperluan ini."),
      dok("Dukungan Masyarakat Setempat", "Paling sedikit 60 orang, disahkan Lurah/Kepala Desa."),
      dok("Bukti Status Hak atas Tanah"),
      dok("Gambar/Denah Rencana Bangunan"),
    ],
    formFields: [
      { nama: "namaRumahIbadat", label: "Nama rumah ibadat", tipe: "TEXT", wajib: true, max: 200 },
      jenisRumahIbadat,
      alamatLokasi,
      { nama: "namaKetuaPanitia", label: "Nama ketua panitia", tipe: "TEXT", wajib: true, max: 100 },
      telepon(),
    ],
    slaJumlah: 10,
    slaSatuan: "HARI_KERJA",
    proses: "Tim kantor melakukan verifikasi lapangan dan menyiapkan rekomendasi tertulis untuk ditandatangani Kepala Kantor;",
    produk: "Surat rekomendasi pendirian rumah ibadat.",
    jumlahPelaksana: "3 Orang",
  }),
  kemenag({
    kode: "REKOMENDASI-BANTUAN-RUMAH-IBADAT",
    nama: "Rekomendasi Permohonan Bantuan Rumah Ibadat",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi: "Rekomendasi atas proposal permohonan bantuan pembangunan atau rehabilitasi rumah ibadat.",
    persyaratan: [
      dok("Proposal Permohonan Bantuan"),
      dok("SK Kepengurusan/Takmir"),
      foto("Foto Kondisi Bangunan"),
      dok("Rencana Anggaran Biaya"),
      dok("Surat Keterangan Domisili Rumah Ibadat dari Desa/Kelurahan"),
      dok("Buku Rekening atas Nama Rumah Ibadat", "Halaman yang memuat nomor rekening dan nama pemilik rekening."),
    ],
    formFields: [
      { nama: "namaRumahIbadat", label: "Nama rumah ibadat", tipe: "TEXT", wajib: true, max: 200 },
      jenisRumahIbadat,
      alamatLokasi,
      { nama: "nilaiUsulan", label: "Nilai bantuan yang diusulkan (Rp)", tipe: "NUMBER", wajib: true, min: 0 },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi proposal dan kondisi rumah ibadat, lalu menyiapkan surat rekomendasi;",
    produk: "Surat rekomendasi permohonan bantuan rumah ibadat.",
  }),
  kemenag({
    kode: "PENDAFTARAN-MAJELIS-TAKLIM",
    nama: "Pendaftaran Majelis Taklim",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi: "Pendaftaran majelis taklim untuk memperoleh Surat Keterangan Terdaftar (SKT).",
    dasarHukum: ["Peraturan Menteri Agama Nomor 29 Tahun 2019 tentang Majelis Taklim."],
    persyaratan: [
      dok("Surat Permohonan"),
      dok("Struktur Kepengurusan dan KTP Pengurus"),
      dok("Surat Keterangan Domisili dari Desa/Kelurahan"),
      dok("Data Jemaah"),
      dok("Jadwal dan Materi Kajian"),
    ],
    formFields: [
      { nama: "namaMajelisTaklim", label: "Nama majelis taklim", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "namaKetua", label: "Nama ketua", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "jumlahJemaah", label: "Jumlah jemaah", tipe: "NUMBER", wajib: true, min: 1, max: 100000 },
      alamatLokasi,
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi data majelis taklim dan menerbitkan Surat Keterangan Terdaftar;",
    produk: "Surat Keterangan Terdaftar (SKT) Majelis Taklim.",
  }),
  kemenag({
    kode: "REKOMENDASI-KEGIATAN-KEAGAMAAN",
    nama: "Rekomendasi Kegiatan Keagamaan",
    kategori: "Bimbingan Masyarakat Islam",
    deskripsi: "Rekomendasi penyelenggaraan kegiatan keagamaan berskala besar (misalnya pengajian umum atau peringatan hari besar keagamaan).",
    persyaratan: [
      dok("Surat Permohonan dari Panitia/Lembaga"),
      dok("Proposal/Kerangka Acuan Kegiatan"),
      dok("Susunan Panitia"),
      ktp("KTP Ketua Panitia"),
    ],
    formFields: [
      { nama: "namaKegiatan", label: "Nama kegiatan", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "tanggalKegiatan", label: "Tanggal kegiatan", tipe: "DATE", wajib: true },
      { nama: "lokasiKegiatan", label: "Lokasi kegiatan", tipe: "TEXTAREA", wajib: true, max: 500 },
      { nama: "perkiraanPeserta", label: "Perkiraan jumlah peserta", tipe: "NUMBER", wajib: true, min: 1, max: 1000000 },
      { nama: "narasumber", label: "Penceramah/narasumber", tipe: "TEXT", wajib: false, max: 200 },
      telepon(),
    ],
    slaJumlah: 3,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas menelaah proposal kegiatan dan menyiapkan surat rekomendasi;",
    produk: "Surat rekomendasi kegiatan keagamaan.",
  }),

  // --- Zakat dan Wakaf ----------------------------------------------------------------------------
  kemenag({
    kode: "FASILITASI-SERTIFIKAT-WAKAF",
    nama: "Fasilitasi Pendaftaran Sertifikat Tanah Wakaf",
    kategori: "Zakat dan Wakaf",
    deskripsi: "Fasilitasi pendaftaran tanah wakaf yang telah memiliki Akta Ikrar Wakaf ke Kantor Pertanahan untuk diterbitkan sertifikat wakaf.",
    dasarHukum: [
      "Undang-Undang Nomor 41 Tahun 2004 tentang Wakaf;",
      "Peraturan Pemerintah Nomor 42 Tahun 2006 tentang Pelaksanaan Undang-Undang Nomor 41 Tahun 2004 tentang Wakaf beserta perubahannya.",
    ],
    persyaratan: [
      dok("Akta Ikrar Wakaf atau Akta Pengganti Akta Ikrar Wakaf"),
      dok("Bukti Kepemilikan Tanah", "Sertifikat atau bukti kepemilikan lain yang sah."),
      dok("Surat Pengesahan Nazhir"),
      ktp("KTP Nazhir"),
      dok("Surat Keterangan Tidak Sengketa dari Desa/Kelurahan"),
      dok("Denah Lokasi Tanah"),
    ],
    formFields: [
      { nama: "namaNazhir", label: "Nama nazhir", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "lokasiTanah", label: "Lokasi tanah wakaf", tipe: "TEXTAREA", wajib: true, max: 500 },
      { nama: "luasTanah", label: "Luas tanah (m²)", tipe: "NUMBER", wajib: true, min: 1 },
      {
        nama: "peruntukan",
        label: "Peruntukan",
        tipe: "SELECT",
        wajib: true,
        opsi: ["Masjid", "Musala", "Madrasah/Sekolah", "Pondok Pesantren", "Makam", "Lainnya"],
      },
      telepon(),
    ],
    slaJumlah: 7,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memeriksa berkas bersama KUA (PPAIW) dan menyiapkan surat pengantar permohonan pendaftaran wakaf ke Kantor Pertanahan;",
    produk: "Surat pengantar permohonan pendaftaran tanah wakaf kepada Kantor Pertanahan.",
    jangkaCatatan: "Penerbitan sertifikat oleh Kantor Pertanahan tidak termasuk dalam jangka waktu ini.",
  }),
  kemenag({
    kode: "REKOMENDASI-IZIN-LAZ",
    nama: "Rekomendasi Izin Lembaga Amil Zakat Kabupaten",
    kategori: "Zakat dan Wakaf",
    deskripsi: "Verifikasi dan rekomendasi permohonan izin pembentukan Lembaga Amil Zakat (LAZ) berskala kabupaten.",
    dasarHukum: [
      "Undang-Undang Nomor 23 Tahun 2011 tentang Pengelolaan Zakat;",
      "Peraturan Pemerintah Nomor 14 Tahun 2014 tentang Pelaksanaan Undang-Undang Nomor 23 Tahun 2011 tentang Pengelolaan Zakat.",
    ],
    persyaratan: [
      dok("Surat Permohonan"),
      dok("Akta Pendirian dan SK Badan Hukum Organisasi Kemasyarakatan Islam"),
      dok("Rekomendasi BAZNAS Kabupaten Madiun"),
      dok("Susunan Pengurus dan Pengawas Syariat"),
      dok("Program Pendayagunaan Zakat"),
      dok("Surat Pernyataan Bersedia Diaudit Syariat dan Keuangan"),
    ],
    formFields: [
      { nama: "namaLembaga", label: "Nama lembaga", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "namaKetua", label: "Nama ketua", tipe: "TEXT", wajib: true, max: 100 },
      alamatLokasi,
      telepon(),
    ],
    slaJumlah: 10,
    slaSatuan: "HARI_KERJA",
    proses: "Tim kantor memverifikasi persyaratan dan kesiapan lembaga, lalu menyampaikan rekomendasi kepada pejabat pemberi izin;",
    produk: "Surat rekomendasi dan berita acara verifikasi.",
  }),

  // --- Umum ---------------------------------------------------------------------------------------
  kemenag({
    kode: "PERMOHONAN-DATA-KEAGAMAAN",
    nama: "Permohonan Data Keagamaan",
    kategori: "Umum",
    deskripsi: "Permohonan data keagamaan (misalnya data rumah ibadat, lembaga pendidikan keagamaan, penyuluh, atau statistik pernikahan).",
    dasarHukum: ["Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik."],
    persyaratan: [ktp("KTP/Identitas Pemohon"), dok("Surat Pengantar Lembaga", "Bila permohonan atas nama lembaga.", false)],
    formFields: [
      { nama: "rincianData", label: "Rincian data yang dimohon", tipe: "TEXTAREA", wajib: true, min: 10, max: 2000 },
      { nama: "tujuanPenggunaan", label: "Tujuan penggunaan data", tipe: "TEXTAREA", wajib: true, min: 10, max: 1000 },
      { nama: "bentukData", label: "Bentuk data", tipe: "SELECT", wajib: true, opsi: ["Softcopy", "Hardcopy"] },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas menghimpun data dari seksi/penyelenggara terkait dan memeriksa bahwa data tidak termasuk informasi yang dikecualikan;",
    produk: "Data keagamaan sesuai permohonan.",
    jangkaCatatan: "Sebagai permohonan informasi publik, batas waktu paling lambat 10 hari kerja (UU 14/2008 Pasal 22) tetap berlaku.",
  }),

  // --- Kepegawaian --------------------------------------------------------------------------------
  kemenag({
    kode: "REKOMENDASI-PINDAH-TUGAS",
    nama: "Rekomendasi Pindah Tugas Guru dan Pegawai",
    kategori: "Kepegawaian",
    deskripsi: "Rekomendasi mutasi/pindah tugas guru atau pegawai ke satuan kerja atau instansi lain.",
    persyaratan: [
      dok("Surat Permohonan Pindah"),
      dok("SK CPNS dan SK PNS (atau SK PPPK)"),
      dok("SK Pangkat/Jabatan Terakhir"),
      dok("Penilaian Kinerja 2 Tahun Terakhir"),
      dok("Surat Persetujuan Melepas dari Kepala Satuan Kerja Asal"),
      dok("Surat Persetujuan Menerima dari Instansi Tujuan"),
    ],
    formFields: [
      nip(),
      { nama: "jabatan", label: "Jabatan", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "satkerAsal", label: "Satuan kerja asal", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "instansiTujuan", label: "Satuan kerja/instansi tujuan", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "alasanPindah", label: "Alasan pindah", tipe: "TEXTAREA", wajib: true, min: 10, max: 1000 },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Subbagian Tata Usaha memeriksa formasi dan kebutuhan pegawai, lalu menyiapkan surat rekomendasi;",
    produk: "Surat rekomendasi pindah tugas.",
  }),
  kemenag({
    kode: "VERIFIKASI-TPG",
    nama: "Verifikasi Berkas Tunjangan Profesi Guru",
    kategori: "Kepegawaian",
    deskripsi: "Verifikasi berkas pengajuan Tunjangan Profesi Guru (TPG) bagi guru madrasah dan guru pendidikan agama.",
    dasarHukum: ["Undang-Undang Nomor 14 Tahun 2005 tentang Guru dan Dosen."],
    persyaratan: [
      dok("Sertifikat Pendidik"),
      dok("SK Pembagian Tugas Mengajar"),
      dok("Surat Keterangan Melaksanakan Tugas (SKMT)"),
      dok("SK Pangkat/Inpassing Terakhir"),
      dok("Buku Rekening Bank", "Halaman yang memuat nomor rekening dan nama pemilik rekening."),
    ],
    formFields: [
      nip(false),
      { nama: "nuptk", label: "NUPTK", tipe: "TEXT", wajib: false, pola: "\\d{16}", bantuan: "16 digit; isi bila ada." },
      { nama: "namaMadrasah", label: "Madrasah/sekolah tempat tugas", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "semester", label: "Semester", tipe: "SELECT", wajib: true, opsi: ["Ganjil", "Genap"] },
      { nama: "tahunAjaran", label: "Tahun ajaran", tipe: "TEXT", wajib: true, pola: "\\d{4}/\\d{4}", bantuan: "Contoh: 2026/2027." },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Petugas memverifikasi beban mengajar dan kelengkapan berkas pada aplikasi terkait, lalu menetapkan status layak bayar atau perbaikan;",
    produk: "Hasil verifikasi berkas TPG (status layak bayar).",
  }),
  kemenag({
    kode: "PENETAPAN-ANGKA-KREDIT",
    nama: "Usul Penetapan Angka Kredit Jabatan Fungsional",
    kategori: "Kepegawaian",
    deskripsi: "Pengusulan penetapan angka kredit bagi pejabat fungsional (misalnya guru, penghulu, penyuluh agama).",
    dasarHukum: ["Peraturan Menteri PANRB Nomor 1 Tahun 2023 tentang Jabatan Fungsional."],
    persyaratan: [
      dok("Surat Pengantar dari Atasan Langsung"),
      dok("SK Jabatan Fungsional Terakhir"),
      dok("Penetapan Angka Kredit (PAK) Terakhir"),
      dok("Dokumen Evaluasi Kinerja/Predikat Kinerja"),
      dok("SK Pangkat Terakhir"),
    ],
    formFields: [
      nip(),
      {
        nama: "jabatanFungsional",
        label: "Jabatan fungsional",
        tipe: "SELECT",
        wajib: true,
        opsi: ["Guru", "Penghulu", "Penyuluh Agama", "Pengawas Sekolah", "Lainnya"],
      },
      { nama: "periodePenilaian", label: "Periode penilaian", tipe: "TEXT", wajib: true, max: 50, bantuan: "Contoh: Januari–Desember 2026." },
      telepon(),
    ],
    slaJumlah: 10,
    slaSatuan: "HARI_KERJA",
    proses: "Tim penilai memeriksa dokumen kinerja dan menyiapkan usul penetapan angka kredit kepada pejabat yang berwenang;",
    produk: "Penetapan angka kredit atau surat usulan kepada pejabat yang berwenang.",
  }),
  kemenag({
    kode: "USUL-KENAIKAN-PANGKAT",
    nama: "Usul Kenaikan Pangkat",
    kategori: "Kepegawaian",
    deskripsi: "Pengusulan kenaikan pangkat PNS di lingkungan Kantor Kementerian Agama Kabupaten Madiun.",
    persyaratan: [
      dok("Surat Pengantar dari Atasan Langsung"),
      dok("SK Pangkat Terakhir"),
      dok("SK Jabatan Terakhir"),
      dok("Penilaian Kinerja 2 Tahun Terakhir"),
      dok("Penetapan Angka Kredit", "Bagi pejabat fungsional.", false),
      dok("Ijazah dan Transkrip Nilai", "Bagi kenaikan pangkat penyesuaian ijazah.", false),
    ],
    formFields: [
      nip(),
      { nama: "pangkatSaatIni", label: "Pangkat/golongan saat ini", tipe: "TEXT", wajib: true, max: 50 },
      {
        nama: "jenisKenaikan",
        label: "Jenis kenaikan pangkat",
        tipe: "SELECT",
        wajib: true,
        opsi: ["Reguler", "Jabatan fungsional", "Jabatan struktural", "Penyesuaian ijazah"],
      },
      { nama: "periode", label: "Periode kenaikan pangkat", tipe: "TEXT", wajib: true, max: 50, bantuan: "Bulan dan tahun." },
      telepon(),
    ],
    slaJumlah: 7,
    slaSatuan: "HARI_KERJA",
    proses: "Subbagian Tata Usaha memverifikasi berkas dan meneruskan usul kenaikan pangkat kepada Kantor Wilayah/BKN melalui sistem kepegawaian;",
    produk: "Usul kenaikan pangkat yang telah diteruskan; SK kenaikan pangkat setelah ditetapkan.",
    jangkaCatatan: "Penetapan SK oleh pejabat yang berwenang tidak termasuk dalam jangka waktu ini.",
  }),
  kemenag({
    kode: "USUL-PENSIUN",
    nama: "Usul Pensiun Pegawai",
    kategori: "Kepegawaian",
    deskripsi: "Pengusulan pemberhentian dengan hak pensiun bagi PNS, termasuk pensiun janda/duda.",
    dasarHukum: ["Undang-Undang Nomor 11 Tahun 1969 tentang Pensiun Pegawai dan Pensiun Janda/Duda Pegawai."],
    persyaratan: [
      dok("Surat Pengantar/Permohonan"),
      dok("SK CPNS dan SK PNS"),
      dok("SK Pangkat Terakhir"),
      dok("Buku Nikah/Akta Perkawinan"),
      dok("Kartu Keluarga"),
      dok("Akta Kelahiran Anak yang Masih Menjadi Tanggungan", "Bila ada.", false),
      dok("Data Perorangan Calon Penerima Pensiun (DPCP)"),
      pasFoto(),
    ],
    formFields: [
      nip(),
      { nama: "tmtPensiun", label: "Terhitung mulai tanggal (TMT) pensiun", tipe: "DATE", wajib: true },
      {
        nama: "jenisPensiun",
        label: "Jenis pensiun",
        tipe: "SELECT",
        wajib: true,
        opsi: ["Batas usia pensiun", "Atas permintaan sendiri", "Janda/duda", "Lainnya"],
      },
      telepon(),
    ],
    slaJumlah: 10,
    slaSatuan: "HARI_KERJA",
    proses: "Subbagian Tata Usaha memverifikasi berkas dan meneruskan usul pensiun kepada Kantor Wilayah/BKN melalui sistem kepegawaian;",
    produk: "Usul pensiun yang telah diteruskan; SK pensiun setelah ditetapkan.",
    jangkaCatatan: "Penetapan SK pensiun oleh pejabat yang berwenang tidak termasuk dalam jangka waktu ini.",
  }),
  kemenag({
    kode: "REKOMENDASI-IZIN-BELAJAR",
    nama: "Rekomendasi Izin Belajar PNS",
    kategori: "Kepegawaian",
    deskripsi: "Rekomendasi/izin belajar bagi PNS yang melanjutkan pendidikan di luar jam kerja atas biaya sendiri.",
    persyaratan: [
      dok("Surat Permohonan"),
      dok("Surat Keterangan Diterima dari Perguruan Tinggi"),
      dok("Bukti Akreditasi Program Studi"),
      dok("SK Pangkat Terakhir"),
      dok("Penilaian Kinerja Terakhir"),
      dok("Surat Persetujuan Atasan Langsung"),
      dok("Jadwal Perkuliahan", "Menunjukkan perkuliahan di luar jam kerja."),
    ],
    formFields: [
      nip(),
      { nama: "perguruanTinggi", label: "Perguruan tinggi", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "programStudi", label: "Program studi", tipe: "TEXT", wajib: true, max: 200 },
      { nama: "jenjang", label: "Jenjang", tipe: "SELECT", wajib: true, opsi: ["D3", "S1", "S2", "S3"] },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Subbagian Tata Usaha memeriksa kesesuaian program studi dengan jabatan dan menyiapkan surat rekomendasi/izin belajar;",
    produk: "Surat rekomendasi/izin belajar.",
  }),
  kemenag({
    kode: "USUL-KARIS-KARSU",
    nama: "Usul Kartu Istri/Kartu Suami (Karis/Karsu)",
    kategori: "Kepegawaian",
    deskripsi: "Pengusulan Kartu Istri (Karis) atau Kartu Suami (Karsu) bagi PNS.",
    persyaratan: [
      dok("Surat Pengantar dari Satuan Kerja"),
      dok("Buku Nikah/Akta Perkawinan"),
      dok("SK CPNS dan SK PNS"),
      dok("Laporan Perkawinan Pertama"),
      pasFoto("Pas Foto Suami/Istri"),
    ],
    formFields: [
      nip(),
      { nama: "namaPasangan", label: "Nama suami/istri", tipe: "TEXT", wajib: true, max: 100 },
      { nama: "tanggalNikah", label: "Tanggal nikah", tipe: "DATE", wajib: true },
      telepon(),
    ],
    slaJumlah: 5,
    slaSatuan: "HARI_KERJA",
    proses: "Subbagian Tata Usaha memverifikasi berkas dan meneruskan usul kepada instansi yang berwenang melalui sistem kepegawaian;",
    produk: "Usul Karis/Karsu yang telah diteruskan; kartu setelah diterbitkan.",
  }),
];

const KEMENAG_MADIUN: SeedKatalog = {
  instansi: {
    kode: "KMG-MADIUN",
    nama: "Kantor Kementerian Agama Kabupaten Madiun",
    prefixNomor: "KMG",
    alamat: "Jl. Panglima Sudirman No. 5 Mejayan",
    telepon: "082245552687",
    email: "otala.kabmadiun@gmail.com",
    website: "https://maspeciv2.kankemenagkabmadiun.com",
    zonaWaktu: "Asia/Jakarta",
    // MasPeci: Senin–Kamis 08.00–15.30 WIB, Jumat 08.00–16.00 WIB
    jamLayanan: [
      { hari: 1, buka: jam(8), tutup: jam(15, 30) },
      { hari: 2, buka: jam(8), tutup: jam(15, 30) },
      { hari: 3, buka: jam(8), tutup: jam(15, 30) },
      { hari: 4, buka: jam(8), tutup: jam(15, 30) },
      { hari: 5, buka: jam(8), tutup: jam(16) },
    ],
  },
  layanan: KMG_LAYANAN,
};

export const CATALOGUE: Array<{ instansi: SeedInstansi; layanan: SeedLayanan[] }> = [
  JOGONALAN,
  KOTA_MADIUN,
  KOTA_PEKALONGAN,
  KEMENAG_MADIUN,
];

/**
 * What the sources do not say and this catalogue fills in. `bagian` names fields of SeedInstansi or
 * SeedLayanan. Services with `contoh: true` are examples throughout and are listed once per office.
 */
export const ASUMSI: SeedAsumsi[] = [
  {
    instansi: "KEC-JOGONALAN",
    bagian: ["alamat", "email", "jamLayanan"],
    alasan: "Seed 002 tidak memuat alamat lengkap, email, dan jam layanan; jam layanan memakai nilai bawaan yang wajib diganti admin.",
  },
  {
    instansi: "KEC-JOGONALAN",
    layanan: "DISPENSASI-MENIKAH",
    bagian: ["biaya", "biayaKeterangan"],
    alasan: "Baris Biaya/Tarif tidak ada pada SP (baris 6 mengulang daftar sarana); diambil dari Jaminan Keamanan butir 1 \"Tidak ada pungutan biaya\".",
  },
  {
    instansi: "KEC-JOGONALAN",
    layanan: "DISPENSASI-MENIKAH",
    bagian: ["deskripsi", "persyaratan", "formFields"],
    alasan: "Batas jenis dan ukuran file (PDF/JPG/PNG, 2 MB), keterangan slot, deskripsi, dan isian formulir tidak disebut SP.",
  },
  {
    instansi: "KOMINFO-KOTA-MADIUN",
    bagian: ["alamat", "email", "jamLayanan", "telepon"],
    alasan: "Seed 004 tidak memuat alamat, email kantor, dan jam layanan; telepon yang dipakai adalah nomor LPSE (0351) 467327.",
  },
  {
    instansi: "KOMINFO-KOTA-MADIUN",
    layanan: "INFORMASI-PUBLIK",
    bagian: [
      "dasarHukum",
      "persyaratan",
      "saranaPrasarana",
      "kompetensiPelaksana",
      "pengawasanInternal",
      "penangananPengaduan",
      "jumlahPelaksana",
      "jaminanPelayanan",
      "jaminanKeamanan",
      "evaluasiKinerja",
    ],
    alasan: "Seed 004 hanya memuat tata cara, jangka waktu, biaya, dan produk layanan PPID; komponen lain disusun dari UU 14/2008 dan praktik umum.",
  },
  {
    instansi: "KOMINFO-KOTA-MADIUN",
    layanan: "HELPDESK-LPSE",
    bagian: ["dasarHukum", "persyaratanKeterangan", "prosedur", "evaluasiKinerja"],
    alasan:
      "Komponen 1–3 dan 14 tidak tercantum untuk layanan ini di seed 004; dasar hukum dan evaluasi mengikuti layanan LPSE lain, uraian prosedur dibaca dari diagram alir seed.",
  },
  {
    instansi: "KOMINFO-KOTA-MADIUN",
    layanan: "VERIFIKASI-PENYEDIA",
    bagian: ["penangananPengaduan", "persyaratan", "prosedur"],
    alasan:
      "Uraian prosedur dibaca dari diagram alir seed. Seed 004 menulis email \"lpse@mediunkota.go.id\"; dikoreksi ke domain madiunkota.go.id (periksa ke LPSE). SIUP/TDP disalin apa adanya walau kini banyak badan usaha memakai NIB.",
  },
  {
    instansi: "KOMINFO-KOTA-MADIUN",
    layanan: "PELATIHAN-SPSE",
    bagian: ["slaJumlah", "slaSatuan"],
    alasan: "Seed 004: \"2 sampai 5 jam per pelatihan\"; disimpan sebagai batas atas 5 jam kerja.",
  },
  {
    instansi: "KOMINFO-KOTA-PKL",
    bagian: ["alamat", "telepon", "email", "website", "jamLayanan"],
    alasan: "Seed 003 tidak memuat data kontak dan jam layanan; website diturunkan dari domain pekalongankota.go.id.",
  },
  {
    instansi: "KOMINFO-KOTA-PKL",
    bagian: ["contoh"],
    alasan:
      "Seed 003 hanya menyebut nama layanan; seluruh komponen SP adalah contoh. Pengaduan publik tidak dimasukkan karena ditangani modul pengaduan.",
  },
  {
    instansi: "KMG-MADIUN",
    bagian: ["contoh"],
    alasan: "MasPeci hanya menyebut jumlah 31 layanan; nama layanan dan seluruh komponen SP adalah contoh yang wajib ditinjau admin.",
  },
  {
    instansi: "KMG-MADIUN",
    bagian: ["penangananPengaduan"],
    alasan:
      "MasPeci 16.1–16.2 masih berisi tempat isian ([email resmi], [nomor layanan], [misal: 2x24 jam kerja]); diisi dengan kontak resmi kantor dan 2x24 jam kerja.",
  },
  {
    instansi: "KMG-MADIUN",
    layanan: "PENDAFTARAN-HAJI-REGULER",
    bagian: ["dasarHukum", "kategori"],
    alasan:
      "Layanan haji dan umrah dapat telah beralih kewenangannya ke kementerian yang menangani haji dan umrah; periksa sebelum mengaktifkan keempat layanan kategori Haji dan Umrah.",
  },
];
