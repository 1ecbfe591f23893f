import { type ContactField, contactProblem } from "../../../server/shared/contact";
import { checkPasswordStrength, personalParts } from "../../../server/shared/password";
import { checkIdentity } from "../components/identity-fields";
import type { IdentityType } from "../gql/graphql";
import type { FieldErrors } from "./errors";

/**
 * The browser's checks of the account forms (registering, an account made for a colleague, one's own profile),
 * built from the rules the API applies (server/shared/contact.ts, password.ts, nik.ts, nip.ts): what passes here
 * passes there. An empty box gets the form's own request ("Masukkan …"); a value the API would refuse gets the
 * API's own message. tests/client/form-parity.test.ts runs a table of values through both.
 */

export interface ContactValues {
  namaLengkap: string;
  email: string;
  telepon: string;
}

const CONTACT_FIELDS: readonly ContactField[] = ["namaLengkap", "email", "telepon"];

/** Each contact field's problem: `missing[field]` when it is empty, the API's message when it would be refused. */
export function checkContact(values: ContactValues, missing: Record<ContactField, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of CONTACT_FIELDS) {
    const problem = values[field].trim() ? contactProblem(field, values[field]) : missing[field];
    if (problem) errors[field] = problem;
  }
  return errors;
}

/** What the API would say about the password of this person, or null (`missing` when it is empty). */
export function checkPassword(password: string, person: { nomorIdentitas: string } & Partial<ContactValues>, missing: string): string | null {
  if (!password) return missing;
  return (
    checkPasswordStrength(password, personalParts(person.nomorIdentitas, { email: person.email ?? "", namaLengkap: person.namaLengkap ?? "" }))?.message ?? null
  );
}

/** The identity number's problem at sending (`missing` when it is empty). */
export function checkNomorIdentitas(identityType: IdentityType, nomorIdentitas: string, missing: string): string | null {
  if (!nomorIdentitas.trim()) return missing;
  return checkIdentity(identityType, nomorIdentitas, true).error ?? null;
}

export interface RegistrationValues extends ContactValues {
  identityType: IdentityType;
  nomorIdentitas: string;
  password: string;
  setujuSyaratKetentuan: boolean;
  setujuKebijakanPrivasi: boolean;
}

/** Every problem of the registration form before it is sent (the API checks the same again, and whether the number is taken). */
export function checkRegistration(form: RegistrationValues): FieldErrors {
  const errors: FieldErrors = {};
  const identity = checkNomorIdentitas(form.identityType, form.nomorIdentitas, `Masukkan ${form.identityType} Anda.`);
  if (identity) errors.nomorIdentitas = identity;
  Object.assign(
    errors,
    checkContact(form, {
      namaLengkap: "Tulis nama lengkap Anda sesuai KTP.",
      email: "Masukkan alamat email Anda.",
      telepon: "Masukkan nomor telepon atau WhatsApp Anda.",
    }),
  );
  const password = checkPassword(form.password, form, "Buat kata sandi untuk akun Anda.");
  if (password) errors.password = password;
  if (!form.setujuSyaratKetentuan) errors.setujuSyaratKetentuan = "Centang persetujuan Syarat dan Ketentuan untuk mendaftar.";
  if (!form.setujuKebijakanPrivasi) errors.setujuKebijakanPrivasi = "Centang persetujuan Kebijakan Privasi untuk mendaftar.";
  return errors;
}
