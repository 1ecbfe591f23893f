/** The nine elements of the Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017), in the order of the questionnaire. */
export const UNSUR = [
  "Persyaratan",
  "Sistem, mekanisme, dan prosedur",
  "Waktu penyelesaian",
  "Biaya/tarif",
  "Produk spesifikasi jenis pelayanan",
  "Kompetensi pelaksana",
  "Perilaku pelaksana",
  "Sarana dan prasarana",
  "Penanganan pengaduan, saran dan masukan",
] as const;
