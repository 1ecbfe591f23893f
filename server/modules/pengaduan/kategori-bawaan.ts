/**
 * The complaint categories every instansi starts with, so that a citizen can complain on the first day of a new
 * office (issue #14). The themes are the seeds': public services and the electronic government systems (SPBE)
 * that Pekalongan's complaint desk takes ("Sistem Pemerintahan Berbasis Elektronik dan Layanan Publik"), the
 * conduct of officers and the facilities (SKM elements "perilaku pelaksana", "sarana dan prasarana";
 * PermenPAN-RB 14/2017), and a catch-all listed last. Its admin renames, hides or adds to them
 * (/admin/kategori-pengaduan).
 *
 * Written by createInstansi and the catalogue seed in the instansi's own transaction, and once for the offices
 * that existed before, by migration 20261206100100_kategori_bawaan_usulan_layanan (the same names: a test
 * compares them).
 */
export const KATEGORI_BAWAAN: ReadonlyArray<{ nama: string; terakhir?: true }> = [
  { nama: "Pelayanan publik (persyaratan, prosedur, waktu, biaya)" },
  { nama: "Layanan elektronik dan aplikasi (SPBE)" },
  { nama: "Sikap dan perilaku petugas" },
  { nama: "Sarana dan prasarana pelayanan" },
  { nama: "Lainnya", terakhir: true },
];

/** The rows to create for one new instansi (a nested `create` of Instansi.kategoriPengaduan). */
export function kategoriBawaan(): Array<{ nama: string; terakhir: boolean }> {
  return KATEGORI_BAWAAN.map((k) => ({ nama: k.nama, terakhir: k.terakhir ?? false }));
}
