import { MEJA_ADMIN, catalogue, type Desk } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/**
 * Who works the office queue (tickets, counters, the TV display, the kiosk). The service desk calls and serves
 * tickets; a display device (API client with ANTRIAN_TAMPIL) only follows the board; a kiosk device
 * (ANTRIAN_KIOSK) lists the groups and issues tickets. Both devices are keys of one instansi, made by its admin.
 */
const MEJA_LOKET: Desk = { roles: DESK_ROLES.layanan, clients: [] };

export const ANTRIAN_POLICY = catalogue({
  /** the board: numbers being called, waiting counts (`papanAntrian`, `papanAntrianBerubah`) */
  "antrian:lihatPapan": { desk: { roles: MEJA_LOKET.roles, clients: ["ANTRIAN_TAMPIL", "ANTRIAN_KIOSK"] } },
  /** the kiosk's choices and taking a ticket */
  "antrian:ambilTiket": { desk: { roles: MEJA_LOKET.roles, clients: ["ANTRIAN_KIOSK"] } },
  /** today's tickets with who served them and the case (`tiketHariIni`) */
  "antrian:lihatTiket": { desk: MEJA_LOKET, peopleOnly: true },
  /** call the next number, recall, serve, finish, mark a no-show */
  "antrian:layani": { desk: MEJA_LOKET, peopleOnly: true },
  /** groups, counters and the display/kiosk device keys of the instansi */
  "antrian:kelola": { desk: MEJA_ADMIN },
});
