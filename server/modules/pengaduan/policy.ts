import type { PengaduanStatus } from "../../generated/prisma/enums";
import { MEJA_ADMIN, allows, catalogue, isOwner, type Caller, type Desk } from "../../lib/policy";
import { MEJA_LAYANAN } from "../pengajuan/policy";
import { aksiPengaduanTersedia, PENGADUAN_TRANSITIONS, type AksiPengaduan, type PelakuPengaduan } from "./transitions";

/**
 * Who may do what with complaints. The complaint desk is the service desk (officers, admins, SUPERADMIN, API
 * clients with KASUS_INSTANSI); a confidential reporter's identity is for the instansi's admins; an API client
 * with BUAT_PENGADUAN records complaints of its channel and may read back those it recorded.
 */
export const MEJA_PENGADUAN: Desk = MEJA_LAYANAN;

export const PENGADUAN_POLICY = catalogue({
  /** file a complaint online, with evidence: citizens only (the desk records others' with pengaduan:catat) */
  "pengaduan:buat": { citizens: true },
  /** the complaint desk of an instansi (`mejaPengaduan`, `mejaPengaduanBerubah`) */
  "pengaduan:lihatMeja": { desk: MEJA_PENGADUAN, rows: "pengaduan:lihat" },
  /** one complaint with its history and attachments (node, downloads, `pengaduanBerubah`) */
  "pengaduan:lihat": { owner: "pelaporId", desk: MEJA_PENGADUAN, recorder: true },
  /** who complained, when not confidential */
  "pengaduan:lihatPelapor": { owner: "pelaporId", desk: MEJA_PENGADUAN },
  /** who complained, when confidential: the reporter and the instansi's admins, never another system */
  "pengaduan:lihatPelaporRahasia": { owner: "pelaporId", desk: MEJA_ADMIN },
  /** record a complaint that came offline or through a channel */
  "pengaduan:catat": { desk: { roles: MEJA_PENGADUAN.roles, clients: ["BUAT_PENGADUAN"] } },
  /** a step of the complaint's state table; which steps, the table says (peranPengaduan) */
  "pengaduan:ubahStatus": { owner: "pelaporId", desk: MEJA_PENGADUAN },
  /** the instansi's complaint categories */
  "pengaduan:kelolaKategori": { desk: MEJA_ADMIN },
});

/** Who the caller is to this complaint for its state table: the reporter, the desk, or nobody (→ not found). */
export function peranPengaduan(c: Caller, p: { pelaporId: string | null; instansiId: string }): PelakuPengaduan | null {
  const rule = PENGADUAN_POLICY["pengaduan:ubahStatus"];
  if (isOwner(c, rule, p)) return "PELAPOR";
  return allows(rule, c, p) ? "STAF" : null;
}

/** The steps the caller may take now: who they are to the complaint, then its state table (as the service checks). */
export function aksiPengaduanBagi(
  c: Caller,
  p: { pelaporId: string | null; instansiId: string; status: PengaduanStatus; dibukaKembali: boolean },
): AksiPengaduan[] {
  const pelaku = peranPengaduan(c, p);
  return pelaku ? aksiPengaduanTersedia(pelaku, p.status, p.dibukaKembali) : [];
}

/** Of those, the steps that need a message (pesan). */
export function aksiWajibPesanBagi(c: Caller, p: Parameters<typeof aksiPengaduanBagi>[1]): AksiPengaduan[] {
  return aksiPengaduanBagi(c, p).filter((a) => PENGADUAN_TRANSITIONS[a].wajibPesan);
}
