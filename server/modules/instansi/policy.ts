import { catalogue } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/** Who may run an office: its profile, opening hours and closures are its admins' (and SUPERADMIN's). */
export const INSTANSI_POLICY = catalogue({
  /** add an office to the install: SUPERADMIN only (a desk no role of an instansi works) */
  "instansi:buat": { desk: { roles: DESK_ROLES.superadmin, clients: [] } },
  "instansi:kelola": { desk: { roles: DESK_ROLES.admin, clients: [] } },
  /** the code is part of every registration number: SUPERADMIN only */
  "instansi:ubahKode": { desk: { roles: DESK_ROLES.superadmin, clients: [] } },
});
