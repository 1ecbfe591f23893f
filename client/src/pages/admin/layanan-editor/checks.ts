import type { FieldErrors } from "../../../lib/errors";
import { KOMPONEN_TEKS } from "../../../components/standar-pelayanan";
import { angka, bilanganBulat, PESAN, periksaIsian, periksaLayanan, periksaPersyaratan } from "../../../../../server/shared/layanan-editor";
import { perField } from "../../../../../server/shared/teks";
import type { EditorState } from "./state";

/**
 * The editor's state as the API's arguments, and every problem the API would find in them, with its own messages
 * (server/shared/layanan-editor.ts): what passes here passes there (tests/client/form-parity-layanan.test.ts).
 * A number box holding text is the page's own problem (the API's numbers cannot carry text), said with the API's
 * message for the field. Whether the code is taken and whether a slot is this service's are the API's to say.
 */
export function checkEditor(s: EditorState, creating: boolean) {
  const errors: FieldErrors = {};
  const sla = bilanganBulat(s.slaJumlah);
  if (sla === null) errors.slaJumlah = PESAN.sla;
  const biaya = s.biaya.trim() ? bilanganBulat(s.biaya) : 0;
  if (biaya === null) errors.biaya = PESAN.biaya;
  const flow = s.prosedurFlowchart.trim();
  const input = {
    kode: s.kode.trim(),
    nama: s.nama.trim(),
    kategori: s.kategori.trim(),
    deskripsi: s.deskripsi,
    aktif: s.aktif,
    unduhOnline: s.unduhOnline,
    ambilDiKantor: s.ambilDiKantor,
    slaJumlah: sla ?? 0,
    slaSatuan: s.slaSatuan,
    biaya: biaya ?? 0,
    prosedurFlowchart: flow || null,
    ...(Object.fromEntries(KOMPONEN_TEKS.map(([k]) => [k, s[k]])) as Record<(typeof KOMPONEN_TEKS)[number][0], string>),
  };
  const persyaratan = s.persyaratan.map((p) => ({
    id: p.id ?? null,
    label: p.label.trim(),
    keterangan: p.keterangan,
    wajib: p.wajib,
    jenisFile: p.jenisFile,
    maksBytes: p.maksBytes,
  }));
  const formFields = s.formFields.map((f, i) => {
    const number = (key: "min" | "max") => {
      const n = angka(f[key]);
      if (n === null) errors[`formFields.${i}.${key}`] = PESAN.angka;
      return n ?? null;
    };
    return {
      nama: f.nama.trim(),
      label: f.label.trim() || f.nama.trim(),
      tipe: f.tipe,
      wajib: f.wajib,
      bantuan: f.bantuan,
      opsi: f.opsi
        .split("\n")
        .map((o) => o.trim())
        .filter(Boolean),
      min: number("min"),
      max: number("max"),
      pola: f.pola.trim() || null,
    };
  });
  // a box's own problem first: the API's check of its stand-in number says nothing about what was typed
  const found = perField([...periksaLayanan(input, creating), ...periksaPersyaratan(persyaratan), ...periksaIsian(formFields)]);
  for (const [field, message] of Object.entries(found)) errors[field] ??= message;
  return { input, persyaratan, formFields, errors };
}
