import { catalogue } from "../../lib/policy";

/** Statistics behind the public figures (no applicant's identity): every desk of the instansi, and statistics clients. */
export const STATISTIK_POLICY = catalogue({
  "statistik:lihatDetail": { desk: { roles: ["PETUGAS", "ADMIN", "PPID", "ATASAN_PPID"], clients: ["BACA_STATISTIK"] } },
});
