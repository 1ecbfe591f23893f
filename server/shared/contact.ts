/** How a phone number and an email address are written down, on registration and in service forms alike. */

/** Indonesian mobile or landline: 08…, +628…, 628…, or an area code 0xx…, 9–15 digits in all. */
export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s\-().]/g, "");
  const m = s.match(/^(?:\+62|62|0)(\d{7,13})$/);
  return m ? `0${m[1]}` : null;
}

export function normalizeEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s) ? s : null;
}

/** A person's name as on the KTP: letters (any script), spaces and ' . , -, 2–120 characters; spaces collapsed. */
export function normalizeName(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, " ");
  return s.length >= 2 && s.length <= 120 && /^[\p{L}\p{M}' .,-]+$/u.test(s) ? s : null;
}

export type ContactField = "namaLengkap" | "email" | "telepon";

/**
 * Each contact field's rule: how it is normalised (null: refused) and what the API answers when it is refused.
 * The API's schema (account/rules.ts `kontakSchema`) and the browser's check (`contactProblem`) are built from
 * this one table, so "0812345" cannot pass one and fail the other.
 */
export const CONTACT_RULES: Readonly<Record<ContactField, { normalize: (raw: string) => string | null; code: string; message: string }>> = {
  namaLengkap: { normalize: normalizeName, code: "NAME_INVALID", message: "Nama lengkap wajib diisi (2–120 huruf) sesuai KTP." },
  email: { normalize: normalizeEmail, code: "EMAIL_INVALID", message: "Alamat email tidak valid." },
  telepon: { normalize: normalizePhone, code: "PHONE_INVALID", message: "Nomor telepon tidak valid. Contoh: 081234567890." },
};

/** The API's message for a contact value it would refuse, or null when it would accept it. */
export function contactProblem(field: ContactField, raw: string): string | null {
  const rule = CONTACT_RULES[field];
  return rule.normalize(raw) === null ? rule.message : null;
}
