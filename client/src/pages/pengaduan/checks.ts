import { type CaraPengaduan, periksaPengaduan } from "../../../../server/shared/pengaduan";
import type { PickedFile } from "../../components/evidence-picker";
import type { FieldErrors } from "../../lib/errors";

/**
 * The browser's check of a complaint before it is sent (the citizen's form and the desk's record), built from the
 * rules the API applies (server/shared/pengaduan.ts): what passes here passes there, with the API's own messages.
 * A chosen file was checked when it was picked (EvidencePicker, with the API's types and size); one that cannot be
 * sent is named beside it. tests/client/form-parity-pengaduan.test.ts runs a table of values through both.
 */
export interface PengaduanCheckValues {
  instansiId: string;
  kategoriId: string;
  judul: string;
  uraian: string;
  bukti: PickedFile[];
  namaPelapor?: string;
  kontakPelapor?: string;
}

export function checkPengaduan(v: PengaduanCheckValues, cara: CaraPengaduan): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of periksaPengaduan({ ...v, bukti: v.bukti.length }, cara)) errors[p.field] = p.message;
  if (!errors.bukti && v.bukti.some((f) => f.error)) errors.bukti = "Hapus berkas yang tidak dapat dikirim.";
  return errors;
}
