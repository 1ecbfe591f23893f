import { MEJA_ADMIN, catalogue } from "../../lib/policy";
import { STAFF_ROLES } from "../../shared/roles";

/** Who may do what with the service catalogue (read by anyone: the active services are public). */
export const LAYANAN_POLICY = catalogue({
  /** write a service's Standar Pelayanan, document slots, form and templates: the instansi's admins */
  "layanan:kelola": { desk: MEJA_ADMIN },
  /** see the instansi's inactive services too: its staff, and another system reading its own catalogue */
  "layanan:lihatNonaktif": { desk: { roles: STAFF_ROLES, clients: ["BACA_KATALOG"] } },
  /**
   * the requests for services the office lacks ("Layanan yang saya butuhkan tidak ada"), with the senders'
   * contacts: read and mark handled by its admins. Sending one needs no account (usulkanLayanan is public,
   * limited per address: modules/layanan/usulan.ts).
   */
  "layanan:kelolaUsulan": { desk: MEJA_ADMIN },
});
