import { catalogue } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/** Statistics behind the public figures (no applicant's identity): every desk of the instansi, and statistics clients. */
export const STATISTIK_POLICY = catalogue({
  "statistik:lihatDetail": { desk: { roles: DESK_ROLES.statistik, clients: ["BACA_STATISTIK"] } },
});
