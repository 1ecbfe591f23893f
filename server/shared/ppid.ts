/**
 * Periods and categories of public-information requests (UU 14/2008, Perki 1/2021), as plain data the server's
 * deadline arithmetic (server/modules/ppid/rules.ts) and the web client's explanations both read.
 * Periods are "N hari kerja sejak …" on the instansi calendar.
 */
export const JAWAB_HARI = 10; // Pasal 22(7)
export const PERPANJANG_MAKS_HARI = 7; // Pasal 22(8), once, with written reasons
export const KEBERATAN_HARI = 30; // Pasal 36(1): to object after the ground arises
export const TANGGAPAN_KEBERATAN_HARI = 30; // Pasal 36(2): for the PPID's superior to answer
export const SENGKETA_HARI = 14; // Pasal 37(2): to take the dispute to the Komisi Informasi

/** Pasal 17 exemption categories (huruf a–j), for the refusal's citation. */
export const PENGECUALIAN_PASAL_17: Record<string, string> = {
  a: "Menghambat proses penegakan hukum",
  b: "Mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat",
  c: "Membahayakan pertahanan dan keamanan negara",
  d: "Mengungkapkan kekayaan alam Indonesia",
  e: "Merugikan ketahanan ekonomi nasional",
  f: "Merugikan kepentingan hubungan luar negeri",
  g: "Mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang",
  h: "Mengungkap rahasia pribadi",
  i: "Memorandum atau surat-surat antar Badan Publik atau intra Badan Publik yang menurut sifatnya dirahasiakan",
  j: "Informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang",
};
