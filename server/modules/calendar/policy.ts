import { MEJA_SUPERADMIN, catalogue } from "../../lib/policy";

/**
 * Who may change the calendar every deadline counts on. National holidays and cuti bersama are the whole
 * install's (SUPERADMIN, from the SKB); an office's own hours and closures are instansi:kelola (instansi/policy.ts).
 */
export const KALENDER_POLICY = catalogue({
  "kalender:kelolaHariLibur": { desk: MEJA_SUPERADMIN },
});
