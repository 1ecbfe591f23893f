/** A request as the API returns it to its applicant (the fields of PengajuanDetail_Pengajuan), for component tests. */

export const PENGAJUAN_UUID = "11111111-1111-4111-8111-111111111111";
export const PENGAJUAN_ID = btoa(`Pengajuan:${PENGAJUAN_UUID}`);
export const SLOT_KTP = btoa("PersyaratanDokumen:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
export const SLOT_DESA = btoa("PersyaratanDokumen:bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");

const field = (nama: string, label: string, tipe: string, wajib: boolean, extra: Record<string, unknown> = {}) => ({
  nama,
  label,
  tipe,
  wajib,
  bantuan: "",
  opsi: [],
  min: null,
  max: null,
  pola: null,
  ...extra,
});

export const LAYANAN = {
  id: btoa("Layanan:cccccccc-cccc-4ccc-8ccc-cccccccccccc"),
  nama: "Rekomendasi Dispensasi Menikah",
  unduhOnline: true,
  ambilDiKantor: true,
  formFields: [
    field("namaPasangan", "Nama pasangan", "TEXT", true),
    field("tanggalNikah", "Rencana tanggal nikah", "DATE", true),
    field("statusCalon", "Status calon", "SELECT", true, { opsi: ["Belum kawin", "Cerai hidup", "Cerai mati"] }),
    field("nikPasangan", "NIK pasangan", "NIK", false),
    field("nomorWa", "Nomor WhatsApp", "PHONE", false),
    field("jumlahSaksi", "Jumlah saksi", "NUMBER", false, { min: 2, max: 4 }),
    field("catatan", "Catatan", "TEXTAREA", false, { bantuan: "Hal lain yang perlu diketahui petugas." }),
  ],
  persyaratan: [
    {
      id: SLOT_KTP,
      label: "KTP calon pengantin",
      keterangan: "",
      wajib: true,
      jenisFile: ["application/pdf", "image/jpeg", "image/png"],
      maksBytes: 2097152,
      templateUrl: null,
    },
    {
      id: SLOT_DESA,
      label: "Surat pengantar desa",
      keterangan: "Dari kepala desa/lurah.",
      wajib: true,
      jenisFile: ["application/pdf"],
      maksBytes: 100_000,
      templateUrl: "/unduh/template/bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
    },
  ],
};

export const INSTANSI = {
  id: btoa("Instansi:dddddddd-dddd-4ddd-8ddd-dddddddddddd"),
  nama: "Kantor Kementerian Agama Kabupaten Madiun",
  alamat: "Jl. Panglima Sudirman No. 5, Mejayan",
  telepon: "082245552687",
  zonaWaktu: "Asia/Jakarta",
  zonaWaktuLabel: "WIB",
  jamLayanan: [1, 2, 3, 4].map((hari) => ({ hari, buka: "08:00", tutup: "15:30" })).concat([{ hari: 5, buka: "08:00", tutup: "16:00" }]),
};

export function log(
  seq: number,
  aksi: string,
  dariStatus: string | null,
  keStatus: string,
  keStatusLabel: string,
  pesan: string | null = null,
  aktor = "Pemohon",
) {
  return { seq, aksi, aktor, createdAt: new Date(Date.UTC(2026, 2, 2, 1, seq)).toISOString(), dariStatus, keStatus, keStatusLabel, pesan };
}

export function dokumen(slot: string, namaFile: string, mime = "application/pdf") {
  return {
    id: btoa(`DokumenPengajuan:${namaFile}`),
    namaFile,
    ukuran: 2048,
    mime,
    url: `/unduh/dokumen/${namaFile}`,
    createdAt: "2026-03-02T01:00:00.000Z",
    persyaratan: { id: slot },
  };
}

export function pengajuan(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Pengajuan",
    id: PENGAJUAN_ID,
    versi: 1,
    seq: 1,
    status: "DRAFT",
    statusLabel: "Draf",
    nomorRegistrasi: null,
    formData: {},
    pengiriman: "UNDUH",
    createdAt: "2026-03-02T01:00:00.000Z",
    diajukanAt: null,
    diajukanUlangAt: null,
    selesaiAt: null,
    tenggat: null,
    tenggatSementara: false,
    terlambat: false,
    sisaMenitKerja: null,
    aksiTersedia: ["AJUKAN", "BATALKAN"],
    dapatDiubah: true,
    bolehSurvei: false,
    buktiUrl: null,
    alasanTolak: null,
    diambilAt: null,
    diambilOleh: null,
    layanan: LAYANAN,
    instansi: INSTANSI,
    dokumen: [],
    hasil: [],
    riwayat: [log(1, "BUAT", null, "DRAFT", "Draf")],
    ...overrides,
  };
}
