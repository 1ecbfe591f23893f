import { ANY, allows, type Caller, type Resource } from "./lib/policy";
import { forbidden } from "./lib/errors";
import { PENGAJUAN_POLICY } from "./modules/pengajuan/policy";
import { PENGADUAN_POLICY } from "./modules/pengaduan/policy";
import { PPID_POLICY } from "./modules/ppid/policy";
import { STATISTIK_POLICY } from "./modules/skm/policy";
import { INSTANSI_POLICY } from "./modules/instansi/policy";
import { LAYANAN_POLICY } from "./modules/layanan/policy";
import { KALENDER_POLICY } from "./modules/calendar/policy";
import { AKUN_POLICY } from "./modules/account/policy";
import { KLIEN_API_POLICY } from "./modules/api-client/policy";
import { WEBHOOK_POLICY } from "./modules/webhook/policy";
import { AUDIT_POLICY } from "./modules/audit/policy";
import { EMAIL_POLICY } from "./modules/mail/policy";
import { BANTUAN_POLICY } from "./modules/bantuan/policy";
import { SURAT_POLICY } from "./modules/surat/policy";
import { ANTRIAN_POLICY } from "./modules/loket/policy";
import { KUNJUNGAN_POLICY } from "./modules/kunjungan/policy";
import { KONSULTASI_POLICY } from "./modules/konsultasi/policy";
import { PELATIHAN_POLICY } from "./modules/pelatihan/policy";

/** Every action of every domain: the one list of who may do what (see lib/policy.ts). */
export const POLICY = {
  ...PENGAJUAN_POLICY,
  ...PENGADUAN_POLICY,
  ...PPID_POLICY,
  ...STATISTIK_POLICY,
  ...INSTANSI_POLICY,
  ...LAYANAN_POLICY,
  ...KALENDER_POLICY,
  ...AKUN_POLICY,
  ...KLIEN_API_POLICY,
  ...WEBHOOK_POLICY,
  ...AUDIT_POLICY,
  ...EMAIL_POLICY,
  ...BANTUAN_POLICY,
  ...SURAT_POLICY,
  ...ANTRIAN_POLICY,
  ...KUNJUNGAN_POLICY,
  ...KONSULTASI_POLICY,
  ...PELATIHAN_POLICY,
};
export type Action = keyof typeof POLICY;

/** Whether the caller may do `action` to `on` (or, with ANY, to some resource: a first gate before the row is read). */
export function can(caller: Caller, action: Action, on: Resource | typeof ANY): boolean {
  return allows(POLICY[action], caller, on);
}

/**
 * Refuses unless the caller may: with `hidden` (a case the caller may not see at all) the answer is the
 * domain's not-found error, so nobody learns that it exists; otherwise FORBIDDEN.
 */
export function assertCan(caller: Caller, action: Action, on: Resource | typeof ANY, hidden?: () => Error, message?: string): void {
  if (can(caller, action, on)) return;
  throw hidden ? hidden() : forbidden(message);
}

export { ANY };
