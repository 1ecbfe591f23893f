import type { Role } from "../../generated/prisma/enums";
import { allows, catalogue, isOwner, type Caller, type Desk } from "../../lib/policy";
import type { Pelaku } from "./transitions";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Who may do what with service requests (pengajuan). The service desk (queue, cases, assignment, results) is
 * the instansi's officers and admins, SUPERADMIN, and API clients with KASUS_INSTANSI of the instansi. PPID and
 * atasan PPID work the PPID desk (ppid/policy.ts), not this one: they see neither the queue nor its cases.
 */
export const MEJA_LAYANAN: Desk = { roles: DESK_ROLES.layanan, clients: ["KASUS_INSTANSI"] };

/** The roles an officer must have to be assigned a request (SUPERADMIN belongs to no instansi). */
export const PETUGAS_LAYANAN: readonly Role[] = MEJA_LAYANAN.roles;

export const PENGAJUAN_POLICY = catalogue({
  /** start a request (a draft): citizens only */
  "pengajuan:buat": { citizens: true },
  /** the queue of an instansi (`antrian`, `antrianBerubah`) */
  "pengajuan:lihatAntrian": { desk: MEJA_LAYANAN, rows: "pengajuan:lihat" },
  /** how many per status (`antrianJumlah`): the desk, and statistics clients */
  "pengajuan:hitungAntrian": { desk: { roles: MEJA_LAYANAN.roles, clients: ["KASUS_INSTANSI", "BACA_STATISTIK"] } },
  /** one request with its documents, results and history (node, downloads, `pengajuanBerubah`) */
  "pengajuan:lihat": { owner: "pemohonId", desk: MEJA_LAYANAN },
  /** what only the desk sees: internal notes, officers' names in the history */
  "pengajuan:lihatInternal": { desk: MEJA_LAYANAN },
  /** edit the form and documents of one's own draft */
  "pengajuan:ubahDraft": { owner: "pemohonId" },
  /** take a step of the state table; which steps, the table says by who the caller is (peranPengajuan) */
  "pengajuan:ubahStatus": { owner: "pemohonId", desk: MEJA_LAYANAN },
  /** assign a request to oneself, or unassign */
  "pengajuan:tugaskan": { desk: MEJA_LAYANAN },
  /** assign a request to another officer: an officer may only take it for themself */
  "pengajuan:tugaskanOrangLain": { desk: { roles: DESK_ROLES.admin, clients: ["KASUS_INSTANSI"] } },
  /** a signed internal note: officers only, another system has no name to sign with */
  "pengajuan:catatInternal": { desk: MEJA_LAYANAN, peopleOnly: true },
  "pengajuan:lampirkanHasil": { desk: MEJA_LAYANAN },
  /**
   * serve a person at the counter (walk-in.ts): look them up by NIK, record them, start, fill and submit a case
   * for them. People of the service desk only: another system has nobody standing at its counter.
   */
  "pengajuan:layaniDiLoket": { desk: MEJA_LAYANAN, peopleOnly: true },
});

/** Who the caller is to this request for the state table: its applicant, the desk, or nobody (→ not found). */
export function peranPengajuan(c: Caller, p: { pemohonId: string; instansiId: string }): Pelaku | null {
  const rule = PENGAJUAN_POLICY["pengajuan:ubahStatus"];
  if (isOwner(c, rule, p)) return "PEMOHON";
  return allows(rule, c, p) ? "STAF" : null;
}
