import { catalogue, type Desk } from "../../lib/policy";
import { DESK_ROLES } from "../../shared/roles";

/**
 * The helpdesk's consultations: the service desk of the instansi records, escalates and answers them and sees its
 * list and counts. People only: a consultation carries the caller's name and contact.
 */
const MEJA_KONSULTASI: Desk = { roles: DESK_ROLES.layanan, clients: [] };

export const KONSULTASI_POLICY = catalogue({
  /** record a consultation that came by phone, in person, WhatsApp or email */
  "konsultasi:catat": { desk: MEJA_KONSULTASI, peopleOnly: true },
  /** the desk's list and counts (`konsultasiMeja`, `ringkasanKonsultasi`) */
  "konsultasi:lihat": { desk: MEJA_KONSULTASI, peopleOnly: true, rows: "konsultasi:tangani" },
  /** escalate, answer, and read one (with the caller's contact) */
  "konsultasi:tangani": { desk: MEJA_KONSULTASI, peopleOnly: true },
});
