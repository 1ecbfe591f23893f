import { catalogue } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Who may change the calendar every deadline counts on. National holidays and cuti bersama are the whole
 * install's (SUPERADMIN, from the SKB); an office's own hours and closures are instansi:kelola (instansi/policy.ts).
 */
export const KALENDER_POLICY = catalogue({
  "kalender:kelolaHariLibur": { desk: { roles: DESK_ROLES.superadmin, clients: [] } },
});
