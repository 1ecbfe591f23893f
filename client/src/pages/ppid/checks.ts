import type { CaraPerolehan, FormatInformasi } from "../../gql/graphql";
import type { FieldErrors } from "../../lib/errors";
import { periksaKeberatan, periksaPermohonan } from "../../../../server/shared/ppid-form";
import { perField } from "../../../../server/shared/teks";

/**
 * The citizen's PPID forms checked before sending, with the API's own rules (server/shared/ppid-form.ts): what
 * passes here passes there (tests/client/form-parity-ppid.test.ts). What only the API knows (whether the chosen
 * office is still open, whether an objection's ground is open) comes back from it and is shown at its field.
 */

export interface PermohonanValues {
  instansiId: string;
  rincianInformasi: string;
  tujuan: string;
  format: FormatInformasi;
  caraPerolehan: CaraPerolehan;
}

export function checkPermohonan(v: PermohonanValues): FieldErrors {
  const errors: FieldErrors = v.instansiId ? {} : { instansiId: "Pilih badan publik yang Anda mintai informasi." };
  return { ...errors, ...perField(periksaPermohonan(v)) };
}

export function checkKeberatan(v: { alasan: string; uraian: string }): FieldErrors {
  const errors: FieldErrors = v.alasan ? {} : { alasan: "Pilih alasan keberatan." };
  return { ...errors, ...perField(periksaKeberatan(v)) };
}
