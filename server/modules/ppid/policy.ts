import type { KeberatanStatus, PermohonanStatus } from "../../generated/prisma/enums";
import { allows, catalogue, type Caller, type Desk, type Resource } from "../../lib/policy";
import { aksiPermohonanTersedia, type AksiPermohonan } from "./rules";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Who may do what with public-information requests (UU 14/2008). The PPID desk is the instansi's PPID, its
 * superior (atasan PPID, who also works the desk) and its admins, and SUPERADMIN; objections are answered by the
 * atasan PPID (or SUPERADMIN). No API client works this desk. Officers (PETUGAS) do not see it.
 */
export const MEJA_PPID: Desk = { roles: DESK_ROLES.ppid, clients: [] };
export const ATASAN_PPID: Desk = { roles: DESK_ROLES.atasanPpid, clients: [] };

export const PPID_POLICY = catalogue({
  /** ask for public information: citizens only */
  "ppid:ajukan": { citizens: true },
  /** the registers of requests and objections of an instansi (lists and CSV) */
  "ppid:lihatRegister": { desk: MEJA_PPID, rows: "ppid:lihat" },
  /** one request or objection (node, `permohonanInformasiBerubah`) */
  "ppid:lihat": { owner: "pemohonId", desk: MEJA_PPID },
  /** extend the deadline once, decide */
  "ppid:putuskan": { desk: MEJA_PPID },
  /** object to the handling of one's own request */
  "ppid:ajukanKeberatan": { owner: "pemohonId" },
  "ppid:tanggapiKeberatan": { desk: ATASAN_PPID },
});

/** What the caller may do with the request now: the desk's steps its state allows (as the service checks). */
export function aksiPermohonanBagi(c: Caller, p: Resource & { status: PermohonanStatus; diperpanjangAt: Date | null }): AksiPermohonan[] {
  return allows(PPID_POLICY["ppid:putuskan"], c, p) ? aksiPermohonanTersedia(p) : [];
}

/** Whether the caller may answer the objection now: the PPID's superior, while it awaits an answer. */
export function dapatMenanggapi(c: Caller, k: { status: KeberatanStatus; permohonan: Resource }): boolean {
  return k.status === "DIAJUKAN" && allows(PPID_POLICY["ppid:tanggapiKeberatan"], c, k.permohonan);
}
