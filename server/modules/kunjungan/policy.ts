import { catalogue, type Desk } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Who may do what with office visits. Citizens book, move and cancel their own; the service desk sees the day's
 * visits and checks visitors in. No API client: a booking is a person's.
 */
const MEJA_KUNJUNGAN: Desk = { roles: DESK_ROLES.layanan, clients: [] };

export const KUNJUNGAN_POLICY = catalogue({
  /** book a visit for oneself (any active citizen, at any instansi) */
  "kunjungan:pesan": { citizens: true },
  /** one booking: its person and the desk of its instansi */
  "kunjungan:lihat": { owner: "pemohonId", desk: MEJA_KUNJUNGAN, peopleOnly: true },
  /** move or cancel one's own booking */
  "kunjungan:ubah": { owner: "pemohonId" },
  /** the instansi's visits of a day (`kunjunganHari`) */
  "kunjungan:lihatHari": { desk: MEJA_KUNJUNGAN, peopleOnly: true, rows: "kunjungan:lihat" },
  /** check a visitor in, mark done or a no-show */
  "kunjungan:tandai": { desk: MEJA_KUNJUNGAN, peopleOnly: true },
  /** whether a service offers visits, its slot length and capacity: the instansi's admins */
  "kunjungan:atur": { desk: { roles: DESK_ROLES.admin, clients: [] } },
});
