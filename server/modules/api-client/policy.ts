import { MEJA_ADMIN, allows, catalogue, type Caller } from "../../lib/policy";
import { API_SCOPES, type ApiScope } from "./rules";

/** Another system's access is its instansi's ADMIN's to give and take (and SUPERADMIN's). */
export const KLIEN_API_POLICY = catalogue({
  /** the clients of an instansi (`apiClients`) */
  "klienApi:lihatDaftar": { desk: MEJA_ADMIN, rows: "klienApi:lihat" },
  /** one client (never its secret): its instansi's admins, and the client itself whatever its scopes */
  "klienApi:lihat": { desk: MEJA_ADMIN, ownClient: [] },
  /** register, change, rotate the secret of, revoke a client of the instansi */
  "klienApi:kelola": { desk: MEJA_ADMIN },
});

/**
 * The scopes the caller may give a client of `instansiId`: whoever manages the instansi's clients may give
 * every scope, since each is bound to the client's own instansi and none reaches further than what its ADMIN
 * already oversees; nobody else gives any.
 */
export function scopesGrantableBy(c: Caller, instansiId: string): readonly ApiScope[] {
  return allows(KLIEN_API_POLICY["klienApi:kelola"], c, { instansiId }) ? API_SCOPES : [];
}
