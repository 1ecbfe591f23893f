import { MEJA_ADMIN, allows, catalogue, type Caller, type Desk, type Resource } from "../../lib/policy";
import type { SuratStatus } from "../../generated/prisma/enums";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Who may do what with an office's official letters (issue 15). Every staff role of the instansi reads its
 * register (officers, the PPID and its superior all send letters); the numbering pattern and voiding a number
 * are its admins' (and SUPERADMIN's). No API client works this desk yet.
 */
export const MEJA_SURAT: Desk = { roles: DESK_ROLES.statistik, clients: [] };
/** Who makes a request's letter: its service desk's officers and admins (people: the letter names its maker). */
const MEJA_BUAT: Desk = { roles: DESK_ROLES.layanan, clients: [] };

export const SURAT_POLICY = catalogue({
  /** the register of letters of an instansi (list and CSV) and a preview of the next number */
  "surat:lihatRegister": { desk: MEJA_SURAT, rows: "surat:lihat" },
  /** one letter in the register */
  "surat:lihat": { desk: MEJA_SURAT },
  /** set the numbering pattern and its sequence scope */
  "surat:kelolaPola": { desk: MEJA_ADMIN },
  /** void an issued number (the number stays in the register, marked, never reused) */
  "surat:batalkan": { desk: MEJA_ADMIN },
  /** make a request's result letter from its service's template and send it to an official (the service desk) */
  "surat:buat": { desk: MEJA_BUAT, peopleOnly: true },
  /** name the office's signing officials, their position and NIP */
  "surat:kelolaPejabat": { desk: MEJA_ADMIN },
  /** the signing officials to choose from when sending a letter (name and position) */
  "surat:lihatPejabat": { desk: MEJA_SURAT },
  /** read, sign or return a letter: only the official it was sent to (bolehTandatangani), a person, never a client */
  "surat:tandatangani": { desk: MEJA_SURAT, peopleOnly: true },
});

/** Whether the caller is the signing official this letter waits for (or was sent to), of its instansi. */
export function bolehTandatangani(c: Caller, s: Resource & { penandatanganId: string | null }): boolean {
  return !!s.penandatanganId && c.viewer?.id === s.penandatanganId && allows(SURAT_POLICY["surat:tandatangani"], c, s);
}

/**
 * The states in which a number may be voided: an issued letter, or one its official returned that will not be
 * made again. A letter waiting for its signature is returned first (the request waits on it).
 */
export const DAPAT_DIBATALKAN_STATUS: readonly SuratStatus[] = ["TERBIT", "DIKEMBALIKAN"];

/** Whether the caller may void this letter now: an admin of its instansi, while it stands. */
export function dapatDibatalkan(c: Caller, s: Resource & { status: SuratStatus }): boolean {
  return DAPAT_DIBATALKAN_STATUS.includes(s.status) && allows(SURAT_POLICY["surat:batalkan"], c, s);
}
