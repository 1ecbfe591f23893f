import { MEJA_SUPERADMIN, catalogue } from "../../lib/policy";

/** The audit trail of the whole install is SUPERADMIN's (what a person may read of it about themself: `aksesDataSaya`). */
export const AUDIT_POLICY = catalogue({
  "audit:lihatDaftar": { desk: MEJA_SUPERADMIN, rows: "audit:lihat" },
  "audit:lihat": { desk: MEJA_SUPERADMIN },
});
