import { normalizeEmail, normalizePhone } from "./contact";
import { validateNik } from "./nik";

/** The kinds of form field a service can ask for (the Prisma enum `FormFieldType` is checked equal on the server). */
export const FORM_FIELD_TYPES = ["TEXT", "TEXTAREA", "NUMBER", "DATE", "SELECT", "NIK", "PHONE", "EMAIL"] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** A service's form field definition (the FormField row, pure). */
export interface FieldDef {
  nama: string;
  label: string;
  tipe: FormFieldType;
  wajib: boolean;
  pola?: string | null;
  min?: number | null;
  max?: number | null;
  opsi?: readonly string[];
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * Validates and normalises submitted form data against the service's definition, on the server.
 * `partial` (drafts) skips the "required" check but still refuses malformed values.
 * Unknown keys are dropped. Returns the clean values and every error (one per field).
 */
export function validateForm(
  defs: readonly FieldDef[],
  data: Record<string, unknown>,
  opts: { partial?: boolean; now?: Date } = {},
): { values: Record<string, string | number>; errors: FieldError[] } {
  const values: Record<string, string | number> = {};
  const errors: FieldError[] = [];
  for (const def of defs) {
    const raw = data[def.nama];
    const text = raw === undefined || raw === null ? "" : String(raw).trim();
    const err = (code: string, message: string) => errors.push({ field: def.nama, code, message });
    if (text === "") {
      if (def.wajib && !opts.partial) err("FIELD_REQUIRED", `${def.label} wajib diisi.`);
      continue;
    }
    if (text.length > 5000) {
      err("FIELD_TOO_LONG", `${def.label} terlalu panjang (maksimal 5000 karakter).`);
      continue;
    }
    switch (def.tipe) {
      case "TEXT":
      case "TEXTAREA": {
        if (def.min != null && text.length < def.min) {
          err("FIELD_TOO_SHORT", `${def.label} minimal ${def.min} karakter.`);
          continue;
        }
        if (def.max != null && text.length > def.max) {
          err("FIELD_TOO_LONG", `${def.label} maksimal ${def.max} karakter.`);
          continue;
        }
        values[def.nama] = text;
        break;
      }
      case "NUMBER": {
        const n = Number(text.replace(",", "."));
        if (!Number.isFinite(n)) {
          err("FIELD_NOT_NUMBER", `${def.label} harus berupa angka.`);
          continue;
        }
        if (def.min != null && n < def.min) {
          err("FIELD_OUT_OF_RANGE", `${def.label} minimal ${def.min}.`);
          continue;
        }
        if (def.max != null && n > def.max) {
          err("FIELD_OUT_OF_RANGE", `${def.label} maksimal ${def.max}.`);
          continue;
        }
        values[def.nama] = n;
        break;
      }
      case "DATE": {
        const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
        if (!ok) {
          err("FIELD_DATE_INVALID", `${def.label} harus tanggal yang valid (TTTT-BB-HH).`);
          continue;
        }
        values[def.nama] = text;
        break;
      }
      case "SELECT": {
        if (!(def.opsi ?? []).includes(text)) {
          err("FIELD_OPTION_INVALID", `Pilih salah satu pilihan ${def.label} yang tersedia.`);
          continue;
        }
        values[def.nama] = text;
        break;
      }
      case "NIK": {
        const r = validateNik(text, opts.now);
        if (!r.ok) {
          err(r.code, `${def.label}: ${r.message}`);
          continue;
        }
        values[def.nama] = r.nik;
        break;
      }
      case "PHONE": {
        const p = normalizePhone(text);
        if (!p) {
          err("PHONE_INVALID", `${def.label} bukan nomor telepon yang valid. Contoh: 081234567890.`);
          continue;
        }
        values[def.nama] = p;
        break;
      }
      case "EMAIL": {
        const e = normalizeEmail(text);
        if (!e) {
          err("EMAIL_INVALID", `${def.label} bukan alamat email yang valid.`);
          continue;
        }
        values[def.nama] = e;
        break;
      }
    }
    if (def.pola && typeof values[def.nama] === "string") {
      let re: RegExp | null = null;
      try {
        re = new RegExp(`^(?:${def.pola})$`, "u");
      } catch {
        re = null; // a broken pattern in the definition must not block applicants
      }
      if (re && !re.test(String(values[def.nama]))) {
        delete values[def.nama];
        err("FIELD_PATTERN", `${def.label} tidak sesuai format yang diminta.`);
      }
    }
  }
  return { values, errors };
}
