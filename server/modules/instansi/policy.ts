import { MEJA_ADMIN, MEJA_SUPERADMIN, catalogue } from "../../lib/policy";

/** Who may run an office: its profile, opening hours and closures are its admins' (and SUPERADMIN's). */
export const INSTANSI_POLICY = catalogue({
  /** add an office to the install: SUPERADMIN only (a desk no role of an instansi works) */
  "instansi:buat": { desk: MEJA_SUPERADMIN },
  "instansi:kelola": { desk: MEJA_ADMIN },
  /** the code is part of every registration number: SUPERADMIN only */
  "instansi:ubahKode": { desk: MEJA_SUPERADMIN },
});
