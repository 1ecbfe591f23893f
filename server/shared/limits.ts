/**
 * Limits the browser checks before sending and the API enforces again; one number each, so the form's hint
 * and the API's refusal never disagree.
 */

/** Shortest password accepted (server/modules/auth/password.ts adds the other checks). */
export const PASSWORD_MIN = 10;

/** Evidence and documentation attached to a complaint (photos, videos, documents). */
export const LAMPIRAN_PENGADUAN_MAKS_BERKAS = 5;
export const LAMPIRAN_PENGADUAN_MAKS_BYTES = 20 * 1024 * 1024;

/** A result document the office attaches to a pengajuan being processed (PDF, JPG or PNG). */
export const HASIL_MAKS_BYTES = 20 * 1024 * 1024;

/** An example file an admin attaches to a requirement (PDF, JPG or PNG). */
export const TEMPLATE_MAKS_BYTES = 5 * 1024 * 1024;

/** A participant's letter from their superior (surat tugas) uploaded when registering for a training (PDF, JPG or PNG). */
export const SURAT_ATASAN_MAKS_BYTES = 5 * 1024 * 1024;
