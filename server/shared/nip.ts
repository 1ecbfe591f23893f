/**
 * NIP (Nomor Induk Pegawai) structure check. Pure.
 *
 *   YYYYMMDD YYYYMM G NNN — birth date, year and month of appointment as CPNS, gender
 *   (1 male, 2 female), serial (Perka BKN 22/2007; e.g. 19660801 198803 1 001).
 *
 * PPPK numbers are laid out differently (unverified), so by default an 18-digit number with a valid
 * birth date and serial is accepted even when the appointment or gender fields do not fit the PNS
 * layout; it is then reported as kind 'PPPK' with warnings saying which field did not fit. `kind` is
 * inferred from the layout only: a PPPK number that happens to fit the PNS layout is reported as
 * 'PNS'. Pass `{ acceptPppk: false }` to require the PNS layout (errors NIP_APPOINTMENT, NIP_GENDER).
 *
 * "Today" is the date in WIT (UTC+9), the latest date in Indonesia (same rule as the NIK).
 */
import { isValidDate, todayInIndonesia } from "./dates";
import { maskIdentity } from "./nik";

export type NipErrorCode = "NIP_FORMAT" | "NIP_BIRTHDATE" | "NIP_FUTURE_BIRTHDATE" | "NIP_APPOINTMENT" | "NIP_GENDER" | "NIP_SERIAL";

export type NipWarningCode = "NIP_APPOINTMENT_NOT_PNS" | "NIP_GENDER_NOT_PNS";

export type NipResult =
  | {
      ok: true;
      /** the 18 digits, whitespace removed */
      nip: string;
      kind: "PNS" | "PPPK";
      /** YYYY-MM-DD */
      birthDate: string;
      /** 'YYYY-MM' of appointment as CPNS when that field fits the PNS layout, else null */
      appointment: string | null;
      /** from the gender digit when it is 1 or 2, else null */
      sex: "L" | "P" | null;
      /** NipWarningCode values, only for kind 'PPPK'; NIP_WARNING_MESSAGES has the text */
      warnings: string[];
    }
  | { ok: false; code: NipErrorCode; message: string };

export interface NipOptions {
  /** accept numbers that do not fit the PNS layout as PPPK (default true) */
  acceptPppk?: boolean;
}

/** Messages for end users, in Indonesian. */
export const NIP_ERROR_MESSAGES: Readonly<Record<NipErrorCode, string>> = {
  NIP_FORMAT: "NIP harus terdiri dari 18 angka.",
  NIP_BIRTHDATE: "Tanggal lahir pada NIP (delapan angka pertama) tidak valid. Periksa kembali NIP Anda.",
  NIP_FUTURE_BIRTHDATE: "Tanggal lahir pada NIP berada di masa depan. Periksa kembali NIP Anda.",
  NIP_APPOINTMENT: "Tahun dan bulan pengangkatan pada NIP (angka ke-9 sampai ke-14) tidak valid. Periksa kembali NIP Anda.",
  NIP_GENDER: "Kode jenis kelamin pada NIP (angka ke-15) harus 1 atau 2.",
  NIP_SERIAL: "Nomor urut pada NIP (tiga angka terakhir) tidak boleh 000.",
};

export const NIP_WARNING_MESSAGES: Readonly<Record<NipWarningCode, string>> = {
  NIP_APPOINTMENT_NOT_PNS: "Tahun dan bulan pengangkatan pada NIP tidak sesuai format NIP PNS; dianggap NI PPPK.",
  NIP_GENDER_NOT_PNS: "Kode jenis kelamin pada NIP tidak sesuai format NIP PNS; dianggap NI PPPK.",
};

const fail = (code: NipErrorCode): NipResult => ({ ok: false, code, message: NIP_ERROR_MESSAGES[code] });

export function validateNip(input: string, now: Date = new Date(), options: NipOptions = {}): NipResult {
  const acceptPppk = options.acceptPppk ?? true;
  const nip = String(input ?? "").replace(/\s+/g, "");
  if (!/^\d{18}$/.test(nip)) return fail("NIP_FORMAT");

  const today = todayInIndonesia(now);
  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  if (!isValidDate(birthYear, birthMonth, birthDay)) return fail("NIP_BIRTHDATE");
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (birthDate > today) return fail("NIP_FUTURE_BIRTHDATE");

  if (nip.slice(15) === "000") return fail("NIP_SERIAL");

  // Lenient PNS rule: a real month, after the birth year, not after the current month.
  const appYear = Number(nip.slice(8, 12));
  const appMonth = Number(nip.slice(12, 14));
  const appointment = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  const appointmentOk = appMonth >= 1 && appMonth <= 12 && appYear > birthYear && appointment <= today.slice(0, 7);
  const genderDigit = nip[14];
  const sex = genderDigit === "1" ? "L" : genderDigit === "2" ? "P" : null;

  if (appointmentOk && sex) {
    return { ok: true, nip, kind: "PNS", birthDate, appointment, sex, warnings: [] };
  }
  if (!acceptPppk) return fail(appointmentOk ? "NIP_GENDER" : "NIP_APPOINTMENT");

  const warnings: string[] = [];
  if (!appointmentOk) warnings.push("NIP_APPOINTMENT_NOT_PNS");
  if (!sex) warnings.push("NIP_GENDER_NOT_PNS");
  return { ok: true, nip, kind: "PPPK", birthDate, appointment: appointmentOk ? appointment : null, sex, warnings };
}

/** `1966**********1001` */
export function maskNip(nip: string): string {
  return maskIdentity(nip);
}
