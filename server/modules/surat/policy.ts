import { MEJA_ADMIN, allows, catalogue, type Caller, type Desk, type Resource } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Who may do what with an office's official letters (issue 15). Every staff role of the instansi reads its
 * register (officers, the PPID and its superior all send letters); the numbering pattern and voiding a number
 * are its admins' (and SUPERADMIN's). No API client works this desk yet.
 */
export const MEJA_SURAT: Desk = { roles: DESK_ROLES.statistik, clients: [] };

export const SURAT_POLICY = catalogue({
  /** the register of letters of an instansi (list and CSV) and a preview of the next number */
  "surat:lihatRegister": { desk: MEJA_SURAT, rows: "surat:lihat" },
  /** one letter in the register */
  "surat:lihat": { desk: MEJA_SURAT },
  /** set the numbering pattern and its sequence scope */
  "surat:kelolaPola": { desk: MEJA_ADMIN },
  /** void an issued number (the number stays in the register, marked, never reused) */
  "surat:batalkan": { desk: MEJA_ADMIN },
});

/** Whether the caller may void this letter now: an admin of its instansi, while it stands. */
export function dapatDibatalkan(c: Caller, s: Resource & { status: "TERBIT" | "DIBATALKAN" }): boolean {
  return s.status === "TERBIT" && allows(SURAT_POLICY["surat:batalkan"], c, s);
}
