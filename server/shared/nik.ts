/**
 * NIK (Nomor Induk Kependudukan) structure check and masking. Pure.
 *
 *   PP KK CC DDMMYY SSSS — province, regency/city, district (Kemendagri codes where it was issued),
 *   birth date (women: day + 40), serial 0001–9999. There is no check digit, so this only proves the
 *   number is well formed; whether it exists is the admin's activation check against the KTP photo.
 *
 * The NIK is personal data (UU 27/2022): never log it; show it masked (`maskNik`) outside the owner's
 * own view and authorised staff. Error messages never echo the number.
 *
 * "Today" for the not-in-the-future checks is the date in WIT (UTC+9), the latest date anywhere in
 * Indonesia, so a baby registered today in Jayapura is not rejected by a server running in WIB.
 */
import { isValidDate, todayInIndonesia } from "./dates";

export type NikErrorCode = "NIK_FORMAT" | "NIK_PROVINCE" | "NIK_BIRTHDATE" | "NIK_FUTURE_BIRTHDATE" | "NIK_SERIAL";

export type NikWarningCode = "NIK_AREA_UNKNOWN";

export type NikResult =
  | {
      ok: true;
      /** the 16 digits, whitespace removed */
      nik: string;
      /** YYYY-MM-DD */
      birthDate: string;
      /** L = laki-laki, P = perempuan */
      sex: "L" | "P";
      provinceCode: string;
      /** NikWarningCode values; NIK_WARNING_MESSAGES has the text for people */
      warnings: string[];
    }
  | { ok: false; code: NikErrorCode; message: string };

/** Messages for end users, in Indonesian. */
export const NIK_ERROR_MESSAGES: Readonly<Record<NikErrorCode, string>> = {
  NIK_FORMAT: "NIK harus terdiri dari 16 angka.",
  NIK_PROVINCE: "Kode provinsi pada NIK (dua angka pertama) tidak dikenal. Periksa kembali NIK Anda.",
  NIK_BIRTHDATE: "Tanggal lahir pada NIK (angka ke-7 sampai ke-12) tidak valid. Periksa kembali NIK Anda.",
  NIK_FUTURE_BIRTHDATE: "Tanggal lahir pada NIK berada di masa depan. Periksa kembali NIK Anda.",
  NIK_SERIAL: "Nomor urut pada NIK (empat angka terakhir) tidak boleh 0000.",
};

export const NIK_WARNING_MESSAGES: Readonly<Record<NikWarningCode, string>> = {
  NIK_AREA_UNKNOWN: "Kode kabupaten/kota atau kecamatan pada NIK tidak dikenal. Pastikan NIK sesuai dengan KTP.",
};

/** Province codes in use, including the Papua provinces created in 2022 (93–96). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    [11, 19],
    [21, 21],
    [31, 36],
    [51, 53],
    [61, 65],
    [71, 76],
    [81, 82],
    [91, 96],
  ].flatMap(([lo, hi]) => Array.from({ length: hi! - lo! + 1 }, (_, i) => String(lo! + i))),
);

const fail = (code: NikErrorCode): NikResult => ({ ok: false, code, message: NIK_ERROR_MESSAGES[code] });

export function validateNik(input: string, now: Date = new Date()): NikResult {
  const nik = String(input ?? "").replace(/\s+/g, "");
  if (!/^\d{16}$/.test(nik)) return fail("NIK_FORMAT");

  const provinceCode = nik.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return fail("NIK_PROVINCE");

  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: "L" | "P" = day > 40 ? "P" : "L";
  if (sex === "P") day -= 40;

  const birth = resolveTwoDigitYear(yy, month, day, todayInIndonesia(now));
  if (birth === "invalid") return fail("NIK_BIRTHDATE");
  if (birth === "future") return fail("NIK_FUTURE_BIRTHDATE");
  const birthDate = birth.date;

  if (nik.slice(12) === "0000") return fail("NIK_SERIAL");

  // Regency and district codes start at 01; anything else may be a new code, so only warn.
  const warnings: string[] = [];
  if (nik.slice(2, 4) === "00" || nik.slice(4, 6) === "00") warnings.push("NIK_AREA_UNKNOWN");

  return { ok: true, nik, birthDate, sex, provinceCode, warnings };
}

/**
 * The most recent of 20yy / 19yy that is a real date not after today. 'future' when the date is
 * real in some century but every such date is after today (only possible for `now` before 2000).
 */
function resolveTwoDigitYear(yy: number, month: number, day: number, today: string): { date: string } | "invalid" | "future" {
  let sawValid = false;
  for (const year of [2000 + yy, 1900 + yy]) {
    if (!isValidDate(year, month, day)) continue;
    sawValid = true;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    if (iso <= today) return { date: iso };
  }
  return sawValid ? "future" : "invalid";
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Masks an identity number for lists: first 4 and last 4 digits visible, the rest as '*'
 * (NIK `3519********0001`, NIP `1966**********1001`). Whitespace is removed first; values of
 * 8 characters or fewer are masked entirely.
 */
export function maskIdentity(value: string): string {
  const v = String(value ?? "").replace(/\s+/g, "");
  if (v.length <= 8) return "*".repeat(v.length);
  return `${v.slice(0, 4)}${"*".repeat(v.length - 8)}${v.slice(-4)}`;
}

/** `3519********0001` */
export function maskNik(nik: string): string {
  return maskIdentity(nik);
}
