import { ANY, MEJA_ADMIN, MEJA_SUPERADMIN, allows, catalogue, type Caller } from "../../lib/policy";

/**
 * Who may write the help pages (/bantuan). Reading is public. An office's page is its admins' (and SUPERADMIN's);
 * the general page of the install belongs to no instansi, so it is SUPERADMIN's alone.
 */
export const BANTUAN_POLICY = catalogue({
  /** an office's help page: topics, questions and answers, their order */
  "bantuan:kelola": { desk: MEJA_ADMIN },
  /** the general help page of the install */
  "bantuan:kelolaUmum": { desk: MEJA_SUPERADMIN },
});

/** Whether the caller may edit the help page of `instansiId` (null: the general page). */
export function mayEditBantuan(caller: Caller, instansiId: string | null): boolean {
  return instansiId ? allows(BANTUAN_POLICY["bantuan:kelola"], caller, { instansiId }) : allows(BANTUAN_POLICY["bantuan:kelolaUmum"], caller, ANY);
}
