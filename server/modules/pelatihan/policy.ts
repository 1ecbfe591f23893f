import { catalogue, type Desk } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Training sessions. Anyone may see the upcoming sessions and the seats left (no personal data); an active citizen
 * registers themself; the service desk of the instansi runs its sessions (creates, changes, closes, cancels, takes
 * attendance) and sees who registered. People only for everything that carries a participant's name.
 */
const MEJA_PELATIHAN: Desk = { roles: DESK_ROLES.layanan, clients: [] };

export const PELATIHAN_POLICY = catalogue({
  /** register for a session (any active citizen, at any instansi) */
  "pelatihan:daftar": { citizens: true },
  /** one registration: its participant and the desk of the session's instansi */
  "pelatihan:lihatPeserta": { owner: "pemohonId", desk: MEJA_PELATIHAN, peopleOnly: true },
  /** withdraw one's own registration */
  "pelatihan:batalDaftar": { owner: "pemohonId" },
  /** create, change, close and cancel sessions; the desk's list of sessions with their participants */
  "pelatihan:kelola": { desk: MEJA_PELATIHAN, peopleOnly: true, rows: "pelatihan:lihatPeserta" },
  /** attendance: check a participant in, or mark them absent; the daftar hadir PDF */
  "pelatihan:absen": { desk: MEJA_PELATIHAN, peopleOnly: true },
});
