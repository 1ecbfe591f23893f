import { z } from "zod";
import type { AccountActionKind, AccountStatus } from "../../generated/prisma/enums";
import { problem } from "../../lib/validate";

/** Admin actions on an account: from which statuses each is allowed, what it leads to, whether a reason is required. */
export const ACCOUNT_TRANSITIONS = {
  AKTIVASI: { from: ["MENUNGGU_AKTIVASI", "DITOLAK"], to: "AKTIF", reasonRequired: false },
  TOLAK: { from: ["MENUNGGU_AKTIVASI"], to: "DITOLAK", reasonRequired: true },
  TANGGUHKAN: { from: ["AKTIF"], to: "DITANGGUHKAN", reasonRequired: true },
  PULIHKAN: { from: ["DITANGGUHKAN"], to: "AKTIF", reasonRequired: false },
} as const satisfies Record<string, { from: readonly AccountStatus[]; to: AccountStatus; reasonRequired: boolean }>;

export type AccountTransition = keyof typeof ACCOUNT_TRANSITIONS;

export function nextAccountStatus(action: AccountTransition, current: AccountStatus): AccountStatus | null {
  const rule = ACCOUNT_TRANSITIONS[action];
  return (rule.from as readonly AccountStatus[]).includes(current) ? rule.to : null;
}

export const STATUS_LABEL: Record<AccountStatus, string> = {
  MENUNGGU_AKTIVASI: "menunggu aktivasi",
  AKTIF: "aktif",
  DITOLAK: "ditolak",
  DITANGGUHKAN: "ditangguhkan",
  TAMU: "dicatat di loket (belum punya akun)",
};

export const ACTION_LABEL: Record<AccountActionKind, string> = {
  DAFTAR: "Pendaftaran akun",
  AKTIVASI: "Akun diaktifkan",
  TOLAK: "Pendaftaran ditolak",
  TANGGUHKAN: "Akun ditangguhkan",
  PULIHKAN: "Akun dipulihkan",
  UBAH_PERAN: "Peran diubah",
  AJUKAN_ULANG: "Diajukan kembali setelah diperbaiki",
};

// the service forms and the browser check contact details by the same rules (shared/contact.ts)
import { CONTACT_RULES, type ContactField, normalizeEmail, normalizeName, normalizePhone } from "../../shared/contact";
export { normalizeEmail, normalizeName, normalizePhone };

const contactRule = (field: ContactField) => {
  const rule = CONTACT_RULES[field];
  return z
    .string()
    .transform(rule.normalize)
    .pipe(z.string(problem(rule.code, rule.message)));
};

/** A person's name, email and phone as typed: normalised, or the field's problem (in this order, like the form). */
export const kontakSchema = z.object({
  namaLengkap: contactRule("namaLengkap"),
  email: contactRule("email"),
  telepon: contactRule("telepon"),
});

/** Registration consents to the terms and the privacy policy, in the versions the install shows now. */
export function persetujuanSchema(versions: { termsVersion: string; privacyVersion: string }) {
  return z.object({
    setujuSyaratKetentuan: z.literal(true, problem("CONSENT_REQUIRED", "Anda harus menyetujui Syarat dan Ketentuan untuk mendaftar.")),
    setujuKebijakanPrivasi: z.literal(true, problem("CONSENT_REQUIRED", "Anda harus menyetujui Kebijakan Privasi untuk mendaftar.")),
    versiSyaratKetentuan: z.literal(
      versions.termsVersion,
      problem("CONSENT_OUTDATED", "Syarat dan Ketentuan telah diperbarui. Muat ulang halaman dan baca versi terbaru."),
    ),
    versiKebijakanPrivasi: z.literal(
      versions.privacyVersion,
      problem("CONSENT_OUTDATED", "Kebijakan Privasi telah diperbarui. Muat ulang halaman dan baca versi terbaru."),
    ),
  });
}

const REASON_REQUIRED = problem("REASON_REQUIRED", "Alasan wajib diisi (minimal 5 karakter) agar pemohon mengetahui sebabnya.");
const REASON_TOO_LONG = problem("REASON_TOO_LONG", "Alasan maksimal 1000 karakter.");

/** The reason of an admin action on an account (trimmed; empty is none): required where the applicant must learn why. */
export function alasanSchema(required: boolean) {
  const reason = z.string().max(1000, REASON_TOO_LONG);
  return z.object({
    alasan: z
      .string()
      .nullish()
      .transform((v) => v?.trim() || null)
      .pipe(required ? z.string(REASON_REQUIRED).min(5, REASON_REQUIRED).max(1000, REASON_TOO_LONG) : reason.nullable()),
  });
}
