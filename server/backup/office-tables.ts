/**
 * Which tables belong to one instansi, and how each is reached from it: the ONE list export-instansi and
 * import-instansi work from. tests/backup/office-tables.test.ts reads prisma/schema.prisma and fails when a model
 * that reaches Instansi (directly, or through Pengajuan, Pengaduan, User, …) is not declared here, so a new table
 * is decided on (exported, or "not exported, because …") instead of being silently left behind.
 *
 * Exported tables are listed in insertion order (parents before children). Rows keep their ids.
 */

import { DERIVED, DERIVED_BECAUSE } from "./derived";

/** A Prisma `where` for the rows of one instansi. */
type Where = (instansiId: string) => Record<string, unknown>;

export interface ExportedTable {
  model: string;
  /** how the rows are reached from the instansi, in words (for the reader and the manifest) */
  via: string;
  where: Where;
  /** columns holding a User id (remapped on import to the matched or created account) */
  userFields?: readonly string[];
  /** order of insertion inside the table (self references: Pengajuan.asalId); the key breaks ties */
  orderBy?: Record<string, "asc" | "desc">;
  /** the primary key (read page by page along it); "id" unless given */
  key?: string;
}

export interface NotExported {
  model: string;
  because: string;
}

const pengajuanOf: Where = (id) => ({ pengajuan: { instansiId: id } });
const pengaduanOf: Where = (id) => ({ pengaduan: { instansiId: id } });
const permohonanOf: Where = (id) => ({ permohonan: { instansiId: id } });

export const EXPORTED: readonly ExportedTable[] = [
  { model: "Instansi", via: "the instansi itself (kode)", where: (id) => ({ id }) },
  { model: "JamLayanan", via: "instansiId", where: (id) => ({ instansiId: id }) },
  { model: "PenutupanInstansi", via: "instansiId", where: (id) => ({ instansiId: id }) },
  {
    model: "StoredFile",
    via: "referenced by the office's dokumen, hasil, templates, letters and complaint attachments (bytes in files/<sha256>)",
    where: (id) => ({
      OR: [
        { dokumen: { some: pengajuanOf(id) } },
        { hasil: { some: pengajuanOf(id) } },
        { template: { some: { layanan: { instansiId: id } } } },
        { lampiranPengaduan: { some: pengaduanOf(id) } },
        { surat: { some: { instansiId: id } } },
        { suratDraf: { some: { instansiId: id } } },
      ],
    }),
    userFields: ["uploaderId"],
  },
  // the office queue's set-up (issue 16): before Layanan, whose grupAntrianId names a group
  { model: "GrupAntrian", via: "instansiId", where: (id) => ({ instansiId: id }) },
  { model: "Loket", via: "instansiId", where: (id) => ({ instansiId: id }) },
  { model: "Layanan", via: "instansiId", where: (id) => ({ instansiId: id }) },
  { model: "PersyaratanDokumen", via: "layanan.instansiId", where: (id) => ({ layanan: { instansiId: id } }) },
  { model: "FormField", via: "layanan.instansiId", where: (id) => ({ layanan: { instansiId: id } }) },
  {
    model: "ApiClient",
    via: "instansiId (exported revoked, without a usable secret: the operator issues new tokens)",
    where: (id) => ({ instansiId: id }),
    userFields: ["dibuatOlehId"],
  },
  {
    model: "Pengajuan",
    via: "instansiId",
    where: (id) => ({ instansiId: id }),
    userFields: ["pemohonId", "petugasId"],
    orderBy: { createdAt: "asc" },
  },
  { model: "PengajuanLog", via: "pengajuan.instansiId", where: pengajuanOf, userFields: ["aktorId"] },
  { model: "CatatanInternal", via: "pengajuan.instansiId", where: pengajuanOf, userFields: ["penulisId"] },
  { model: "DokumenPengajuan", via: "pengajuan.instansiId", where: pengajuanOf },
  { model: "HasilDokumen", via: "pengajuan.instansiId", where: pengajuanOf },
  { model: "KategoriPengaduan", via: "instansiId", where: (id) => ({ instansiId: id }) },
  { model: "BantuanTopik", via: "instansiId (the general help page, instansiId null, stays with the install)", where: (id) => ({ instansiId: id }) },
  { model: "BantuanTanyaJawab", via: "topik.instansiId", where: (id) => ({ topik: { instansiId: id } }) },
  {
    model: "Pengaduan",
    via: "instansiId (offline reporter's name/contact re-encrypted under the new key)",
    where: (id) => ({ instansiId: id }),
    userFields: ["pelaporId", "dicatatOlehId"],
  },
  { model: "PengaduanLog", via: "pengaduan.instansiId", where: pengaduanOf, userFields: ["aktorId"] },
  { model: "PengaduanLampiran", via: "pengaduan.instansiId", where: pengaduanOf },
  {
    model: "PermohonanInformasi",
    via: "instansiId",
    where: (id) => ({ instansiId: id }),
    userFields: ["pemohonId", "diputusOlehId"],
  },
  { model: "PermohonanLog", via: "permohonan.instansiId", where: permohonanOf, userFields: ["aktorId"] },
  { model: "Keberatan", via: "permohonan.instansiId", where: permohonanOf, userFields: ["ditanggapiOlehId"] },
  { model: "PengingatTenggat", via: "permohonan.instansiId (so reminders already sent are not sent again)", where: permohonanOf },
  { model: "SurveiKepuasan", via: "instansiId", where: (id) => ({ instansiId: id }), userFields: ["respondenId"] },
  // the letter register and its numbering (issue 15): the register is an official record, and the counters move
  // with it so the office's next letter continues its year's sequence
  { model: "PolaNomorSurat", via: "instansiId", where: (id) => ({ instansiId: id }) },
  // its services' letter templates, every version (a letter records the version it was made from)
  { model: "TemplateSurat", via: "layanan.instansiId", where: (id) => ({ layanan: { instansiId: id } }), userFields: ["createdById"] },
  { model: "NomorSuratUrut", via: "instansiId (so new letter numbers continue, not collide)", where: (id) => ({ instansiId: id }) },
  {
    model: "Surat",
    via: "instansiId (each letter's PDF as made and as signed goes with it)",
    where: (id) => ({ instansiId: id }),
    userFields: ["dibatalkanOlehId", "dibuatOlehId", "penandatanganId"],
    orderBy: { createdAt: "asc" },
  },
  {
    model: "NomorUrut",
    via: "kunci `<instansiId>/<year>` and `<jenis>/<instansiId>/<year>` (so new numbers continue, not collide)",
    where: (id) => ({ kunci: { contains: id } }),
    key: "kunci",
  },
];

/**
 * User is exported separately (server/backup/office.ts, "people"): the office's staff and every account one of
 * the exported rows names, matched on import by identity (NIK/NIP) and else by email.
 */
export const PEOPLE = {
  model: "User",
  via: "staff (instansiId) and every account named in a userFields column above",
} as const;

export const NOT_EXPORTED: readonly NotExported[] = [
  { model: "Session", because: "login sessions belong to the source install; people log in again on the new one" },
  { model: "EmailToken", because: "verification/reset links point at the source install's address and expire anyway" },
  {
    model: "PilihanKanal",
    because: "notice channel choices are the person's, with a phone verified on the source install; people choose again on the new one",
  },
  { model: "KodeTelepon", because: "one-time phone codes are hashed with the source install's key and expire within minutes" },
  {
    model: "PengaturanTtd",
    because:
      "the office's PKCS#12 and signing-service secret are sealed with the source install's key and the passphrase is never known; the admin uploads the certificate and sets the service again on the new one",
  },
  {
    model: "PejabatPenandatangan",
    because:
      "an official's NIP and signing-service id are sealed with the source install's key; the admin names the officials again on the new one (letters keep the names and positions they were signed with)",
  },
  {
    model: "Kunjungan",
    because: "booked visits are appointments at the source install's counters; the office's calendar moves with it, and people book again on the new one",
  },
  {
    model: "Konsultasi",
    because: "the helpdesk's log of callers (names and contacts) at the source install; answer or close the open ones before the move",
  },
  {
    model: "SesiPelatihan",
    because: "training sessions are dates at the source install's rooms with its participants; the office publishes its next sessions on the new one",
  },
  {
    model: "PesertaPelatihan",
    because: "who registered for and attended the source install's sessions (names, letters from superiors): kept there as the record, not moved",
  },
  { model: "SlotKunjungan", because: "places taken per visit slot: counts of the bookings above, which are not exported" },
  {
    model: "TiketAntrian",
    because: "queue tickets are numbers of one office day at the source install's counters; the cases they served are exported with their history",
  },
  { model: "Notification", because: "in-app notices of the source install; the case histories they point at are exported" },
  { model: "AccountAction", because: "an account's status history belongs to the account on the source install (it may serve other offices)" },
  { model: "BerkasIdentitas", because: "a citizen's KTP/KK photo serves the activation check on the source install; an account is already checked" },
  {
    model: "WebhookSubscription",
    because: "its signing secret is not carried over: listed in the manifest (toRecreate) for the office to subscribe again",
  },
  { model: "WebhookDelivery", because: "the source install's delivery queue; let it drain before the move" },
  {
    model: "UsulanLayanan",
    because: "requests for missing services are the source office's working list (contacts sealed under its key); handle them before the move",
  },
  // the triggers fire on the import's inserts; the instansi is new in the target, so they count exactly its rows
  ...DERIVED.map((d) => ({ model: d.model, because: `${DERIVED_BECAUSE} (${d.keptBy})` })),
];

/** Every model the declaration names. */
export function declaredModels(): Set<string> {
  return new Set([...EXPORTED.map((t) => t.model), PEOPLE.model, ...NOT_EXPORTED.map((t) => t.model)]);
}
