import { catalogue } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/** Whoever works any desk of an instansi (its staff, whatever their role). */
const STAF = [...new Set(Object.values(DESK_ROLES).flat())];

/** Who may do what with the service catalogue (read by anyone: the active services are public). */
export const LAYANAN_POLICY = catalogue({
  /** write a service's Standar Pelayanan, document slots, form and templates: the instansi's admins */
  "layanan:kelola": { desk: { roles: DESK_ROLES.admin, clients: [] } },
  /** see the instansi's inactive services too: its staff, and another system reading its own catalogue */
  "layanan:lihatNonaktif": { desk: { roles: STAF, clients: ["BACA_KATALOG"] } },
});
