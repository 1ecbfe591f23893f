/**
 * Limits the browser checks before sending and the API enforces again; one number each, so the form's hint
 * and the API's refusal never disagree.
 */

/** Shortest password accepted (server/modules/auth/password.ts adds the other checks). */
export const PASSWORD_MIN = 10;

/** Evidence and documentation attached to a complaint (photos, videos, documents). */
export const LAMPIRAN_PENGADUAN_MAKS_BERKAS = 5;
export const LAMPIRAN_PENGADUAN_MAKS_BYTES = 20 * 1024 * 1024;

/** An API client's registration (server/modules/api-client). */
export const KLIEN_API = {
  nama: { min: 3, max: 100 },
  kontak: { min: 5, max: 300 },
  /** the longest validity a key may be given, in years */
  berlakuMaksTahun: 5,
} as const;
