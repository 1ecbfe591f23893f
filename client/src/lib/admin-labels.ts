import type { ApiScope, AuditJenis, DeliveryStatus, Role, WebhookEvent } from "../gql/graphql";
import { ROLE_LABEL } from "./labels";

// the lists the API accepts, in its order
export { API_SCOPES, WEBHOOK_EVENTS } from "../../../server/shared/klien-api";

/** What each API scope lets another system do, in words an office's admin can judge. */
export const API_SCOPE_TEXT: Record<ApiScope, { label: string; explanation: string; caution?: boolean }> = {
  BACA_KATALOG: {
    label: "Membaca katalog layanan",
    explanation: "Melihat daftar layanan instansi beserta persyaratannya, termasuk layanan yang sedang nonaktif.",
  },
  BACA_STATISTIK: {
    label: "Membaca statistik",
    explanation: "Melihat statistik pelayanan instansi, termasuk jumlah antrian saat ini.",
  },
  VERIFIKASI_DOKUMEN: {
    label: "Memeriksa keaslian dokumen",
    explanation: "Memeriksa dokumen hasil layanan dan melihat atas nama siapa dokumen itu terbit (nama dan NIK yang disamarkan).",
  },
  BUAT_PENGADUAN: {
    label: "Mencatat pengaduan",
    explanation: "Mencatat pengaduan yang masuk lewat saluran sistem itu (situs web atau WhatsApp) untuk instansi ini.",
  },
  KASUS_INSTANSI: {
    label: "Mengelola pengajuan dan pengaduan",
    explanation:
      "Membaca dan menindaklanjuti pengajuan dan pengaduan instansi seperti seorang petugas, termasuk data pribadi pemohon. Berikan hanya bila benar-benar perlu.",
    caution: true,
  },
  TERIMA_WEBHOOK: {
    label: "Menerima pemberitahuan otomatis (webhook)",
    explanation: "Mendaftarkan alamat yang dikirimi pemberitahuan setiap ada peristiwa, dan melihat log pengirimannya.",
  },
  // the office queue's devices; normally made on /admin/antrian, which also gives the pairing link
  ANTRIAN_TAMPIL: {
    label: "Layar antrian (TV)",
    explanation: "Menampilkan dan menyuarakan nomor antrian yang dipanggil di kantor, langsung saat dipanggil.",
  },
  ANTRIAN_KIOSK: {
    label: "Kios antrian",
    explanation: "Menampilkan grup antrian dan layanannya, dan mengeluarkan nomor antrian untuk pengunjung.",
  },
};

export const WEBHOOK_EVENT_TEXT: Record<WebhookEvent, { label: string; explanation: string }> = {
  PENGAJUAN_STATUS: { label: "Status pengajuan berubah", explanation: "Setiap kali status pengajuan yang sudah diajukan ke instansi berubah." },
  PENGADUAN_DITERIMA: { label: "Pengaduan diterima", explanation: "Setiap pengaduan baru untuk instansi, dari saluran mana pun." },
  PPID_TENGGAT: {
    label: "Tenggat permohonan informasi",
    explanation: "Saat batas waktu permohonan informasi tinggal satu hari kerja, atau sudah lewat tanpa jawaban.",
  },
};

export const DELIVERY_STATUS_TEXT: Record<DeliveryStatus, { label: string; tone: "ok" | "pending" | "bad" }> = {
  PENDING: { label: "Menunggu dikirim", tone: "pending" },
  SENT: { label: "Terkirim", tone: "ok" },
  FAILED: { label: "Gagal", tone: "bad" },
};

export const AUDIT_JENIS_LABEL: Record<AuditJenis, string> = {
  BACA_DATA_PRIBADI: "Membaca data pribadi",
  UBAH: "Perubahan",
};

/** The role recorded in the audit trail: a person's role, an API client, or nobody signed in. */
export function aktorPeranLabel(peran: string | null | undefined): string {
  if (!peran) return "Publik (tanpa masuk)";
  if (peran === "KLIEN_API") return "Sistem lain (klien API)";
  return ROLE_LABEL[peran as Role] ?? peran;
}

/** What was read, for the person whose data it is ("Siapa melihat data saya"). */
const AKSES_LABEL: Record<string, string> = {
  "User.nomorIdentitas": "Melihat NIK/NIP Anda secara lengkap (administrasi akun)",
  "Pemohon.nomorIdentitas": "Melihat NIK Anda secara lengkap pada pengajuan layanan",
  "Pengaduan.pelapor (rahasia)": "Melihat identitas Anda pada pengaduan yang Anda rahasiakan",
  "VerifikasiDokumen.atasNama": "Memeriksa dokumen hasil atas nama Anda (verifikasi dokumen)",
  "Unduh dokumen persyaratan": "Mengunduh dokumen persyaratan yang Anda unggah",
  "Unduh dokumen hasil": "Mengunduh dokumen hasil layanan Anda",
};

export function aksesLabel(aksi: string): string {
  return AKSES_LABEL[aksi] ?? aksi;
}

/** How a request reached Loket, from the audit trail's `klien`. */
export function klienLabel(klien: string | null | undefined): string {
  if (!klien) return "—";
  if (klien === "cookie") return "Peramban (situs Loket)";
  if (klien === "bearer") return "Aplikasi dengan token sesi";
  if (klien === "connectionParams") return "Koneksi langsung (WebSocket)";
  const m = /^api:[0-9a-f-]+ \((.*)\)$/.exec(klien);
  if (m) return `Klien API: ${m[1]}`;
  return klien;
}

/** "Mutation.createStaffAccount" → a readable action, for the audit log (the raw name stays beside it). */
const AKSI_LABEL: Record<string, string> = {
  // accounts
  login: "Masuk",
  logout: "Keluar",
  logoutEverywhere: "Keluar dari semua perangkat",
  register: "Pendaftaran akun",
  verifyEmail: "Verifikasi email",
  resendVerificationEmail: "Mengirim ulang verifikasi email",
  requestPasswordReset: "Meminta atur ulang kata sandi",
  resetPassword: "Mengatur ulang kata sandi",
  updateProfile: "Mengubah profil",
  changePassword: "Mengganti kata sandi",
  activateAccount: "Mengaktifkan akun",
  rejectAccount: "Menolak pendaftaran",
  suspendAccount: "Menangguhkan akun",
  reinstateAccount: "Memulihkan akun",
  createStaffAccount: "Membuat akun staf",
  setUserRole: "Mengubah peran",
  markNotificationRead: "Menandai notifikasi dibaca",
  markAllNotificationsRead: "Menandai semua notifikasi dibaca",
  // offices and calendars
  createInstansi: "Membuat instansi",
  updateInstansi: "Mengubah instansi",
  setJamLayanan: "Mengubah jam layanan",
  addPenutupan: "Menambah hari tutup kantor",
  removePenutupan: "Menghapus hari tutup kantor",
  createHariLibur: "Menambah hari libur",
  updateHariLibur: "Mengubah hari libur",
  deleteHariLibur: "Menghapus hari libur",
  // services and requests
  createLayanan: "Membuat layanan",
  updateLayanan: "Mengubah layanan",
  unggahTemplatePersyaratan: "Mengunggah contoh berkas persyaratan",
  createPengajuan: "Memulai pengajuan",
  updatePengajuan: "Mengubah isian pengajuan",
  uploadDokumenPengajuan: "Mengunggah dokumen pengajuan",
  ubahStatusPengajuan: "Mengubah status pengajuan",
  tugaskanPengajuan: "Menugaskan petugas",
  tambahCatatanInternal: "Menambah catatan internal",
  lampirkanHasil: "Melampirkan dokumen hasil",
  isiSurveiKepuasan: "Mengisi survei kepuasan",
  // complaints and public information
  buatPengaduan: "Menyampaikan pengaduan",
  catatPengaduan: "Mencatat pengaduan",
  ubahStatusPengaduan: "Mengubah status pengaduan",
  tambahKategoriPengaduan: "Menambah kategori pengaduan",
  ubahKategoriPengaduan: "Mengubah kategori pengaduan",
  ajukanPermohonanInformasi: "Mengajukan permohonan informasi",
  perpanjangPermohonanInformasi: "Memperpanjang tenggat permohonan informasi",
  putuskanPermohonanInformasi: "Menjawab permohonan informasi",
  ajukanKeberatan: "Mengajukan keberatan",
  tanggapiKeberatan: "Menanggapi keberatan",
  // other systems
  createApiClient: "Mendaftarkan klien API",
  updateApiClient: "Mengubah klien API",
  rotateApiClientSecret: "Membuat token baru klien API",
  revokeApiClient: "Mencabut klien API",
  createWebhookSubscription: "Mendaftarkan webhook",
  updateWebhookSubscription: "Mengubah webhook",
  deleteWebhookSubscription: "Menghapus webhook",
  redeliverWebhook: "Mengirim ulang webhook",
  // reads of personal data
  "User.nomorIdentitas": "Melihat NIK/NIP lengkap",
  "Pemohon.nomorIdentitas": "Melihat NIK pemohon lengkap",
  "Pengaduan.pelapor (rahasia)": "Melihat pelapor rahasia",
  "VerifikasiDokumen.atasNama": "Verifikasi dokumen (atas nama)",
  "Unduh dokumen persyaratan": "Mengunduh dokumen persyaratan",
  "Unduh dokumen hasil": "Mengunduh dokumen hasil",
};

/** What kind of record an audit entry concerns. */
const OBJEK_LABEL: Record<string, string> = {
  User: "Akun",
  DokumenPengajuan: "Dokumen persyaratan",
  HasilDokumen: "Dokumen hasil",
  Pengaduan: "Pengaduan",
  Pengajuan: "Pengajuan",
  PermohonanInformasi: "Permohonan informasi",
};

export function objekLabel(jenis: string): string {
  return OBJEK_LABEL[jenis] ?? jenis;
}

export function auditAksiLabel(aksi: string): string {
  const names = aksi.split(",").map((a) => a.replace(/^Mutation\./, ""));
  const known = names.map((n) => AKSI_LABEL[n]);
  return known.every(Boolean) ? known.join(", ") : aksi;
}
