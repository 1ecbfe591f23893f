import { encodeGlobalID } from "@pothos/plugin-relay";
import { assertVersion } from "../../lib/versioned";
import { randomBytes } from "node:crypto";
import type { Context } from "../../context";
import type { Pengaduan, Prisma } from "../../generated/prisma/client";
import type { ComplaintDeadlineRule, KanalPengaduan, PengaduanStatus } from "../../generated/prisma/enums";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError, forbidden } from "../../lib/errors";
import { parseInput } from "../../lib/validate";
import { q } from "../../lib/query";
import { callerInstansiId } from "../../lib/caller";
import { auditRead } from "../audit/service";
import { isUniqueViolation } from "../account/service";
import { explainFor, pengaduanChain } from "../calendar/deadlines";
import { decrypt, encrypt } from "../../lib/crypto";
import { receiveUpload, withStoredFiles, type UploadedFile } from "../files/store";
import { createNotifications, publishNotifications } from "../notification/service";
import { kanalDeps, penerima } from "../kanal/outbox";
import { enqueueEmail } from "../mail/outbox";
import { complaintFollowUpDeadline } from "../calendar/working-time";
import { PENGADUAN_STATUS_LABEL, PENGADUAN_TRANSITIONS, nextPengaduan, type AksiPengaduan, type PelakuPengaduan } from "./transitions";
import { actorIds } from "../../lib/caller";
import { assertCan, can } from "../../policy";
import { peranPengaduan } from "./policy";
import {
  KanalKlien,
  LAMPIRAN_JENIS,
  LAMPIRAN_MAKS_BYTES,
  MAX_LAMPIRAN,
  NamaKategori,
  STATUS_TENGGAT_BERJALAN,
  pengaduanChecks,
  pesanLangkah,
  tenggatBerjalan,
} from "./rules";
import { enqueueWebhook } from "../webhook/outbox";

type Tx = Prisma.TransactionClient;
const notFound = () => new NotFoundError("PENGADUAN_NOT_FOUND", "Pengaduan tidak ditemukan.", "id");

/** Who complained: for the reporter and the desk; a confidential reporter only for the instansi's admins (policy.ts). */
export function maySeeReporter(ctx: Pick<Context, "viewer" | "client">, p: { pelaporId: string | null; instansiId: string; rahasia: boolean }): boolean {
  return can(ctx, p.rahasia ? "pengaduan:lihatPelaporRahasia" : "pengaduan:lihatPelapor", p);
}

export function revealOffline(ctx: Pick<Context, "keys">, p: { id: string; namaPelapor: string | null; kontakPelapor: string | null }) {
  const open = (v: string | null, what: string) => (v ? decrypt(ctx.keys, v, `pengaduan:${p.id}:${what}`) : null);
  return { nama: open(p.namaPelapor, "nama"), kontak: open(p.kontakPelapor, "kontak") };
}

/** A complaint the caller may act on (its reporter, the desk), with who the caller is to it; others' are "not found". */
export async function loadPengaduan(ctx: Context, id: string): Promise<{ p: Pengaduan; pelaku: PelakuPengaduan }> {
  const p = await ctx.prisma.pengaduan.findUnique({ where: { id } });
  const pelaku = p && peranPengaduan(ctx, p);
  if (!p || !pelaku) throw notFound();
  return { p, pelaku };
}

function kodeLacak(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return `ADU-${[...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join("")}`;
}

async function storeLampiran<T = Pengaduan>(
  ctx: Context,
  files: UploadedFile[],
  field: string,
  inTx: (tx: Tx, stored: Array<{ id: string }>) => Promise<T>,
): Promise<T> {
  if (files.length > MAX_LAMPIRAN) throw new ValidationError("TOO_MANY_FILES", `Maksimal ${MAX_LAMPIRAN} lampiran.`, field);
  return withStoredFiles(ctx.storage, async (track) => {
    const received: Array<{ up: Awaited<ReturnType<typeof receiveUpload>>; key: string }> = [];
    for (const [i, f] of files.entries()) {
      const up = await receiveUpload(f, { maxBytes: LAMPIRAN_MAKS_BYTES, allowed: LAMPIRAN_JENIS, tmpDir: ctx.storage.tmpDir, field: `${field}.${i}` });
      received.push({ up, key: await track(up) });
    }
    return ctx.prisma.$transaction(async (tx) => {
      const stored = [];
      for (const { up, key } of received) {
        stored.push(
          await tx.storedFile.create({
            data: { sha256: up.sha256, ukuran: up.size, mime: up.mime, namaAsli: up.namaAsli, storageKey: key, uploaderId: ctx.viewer?.id ?? null },
          }),
        );
      }
      return inTx(tx, stored);
    });
  });
}

export interface NewPengaduan {
  instansiId: string;
  kategoriId: string;
  judul: string;
  uraian: string;
  rahasia: boolean;
  layananId?: string | null;
  pengajuanId?: string | null;
  bukti: UploadedFile[];
  /** staff recording an offline complaint */
  kanal?: KanalPengaduan;
  namaPelapor?: string | null;
  kontakPelapor?: string | null;
}

export async function buatPengaduan(ctx: Context, input: NewPengaduan, offline: boolean): Promise<Pengaduan> {
  const v = ctx.viewer;
  if (!v && !offline) throw forbidden();
  // offline: the desk, or an API client with BUAT_PENGADUAN for complaints of its instansi that came through its channel
  if (offline) assertCan(ctx, "pengaduan:catat", { instansiId: input.instansiId }, undefined, "Hanya petugas instansi ini yang dapat mencatat pengaduan.");
  const viaClient = offline && !v;
  // every problem at once, in the form's order: the form's own checks (server/shared/pengaduan.ts) and what only
  // the database knows about the ids it names
  const kategori = input.kategoriId ? await ctx.prisma.kategoriPengaduan.findUnique({ where: { id: input.kategoriId } }) : null;
  const pj = input.pengajuanId
    ? await ctx.prisma.pengajuan.findUnique({ where: { id: input.pengajuanId }, select: { pemohonId: true, instansiId: true } })
    : null;
  const l = input.layananId ? await ctx.prisma.layanan.findUnique({ where: { id: input.layananId }, select: { instansiId: true } }) : null;
  const { problems, judul, uraian } = pengaduanChecks(input, offline ? "catat" : "daring", {
    kategori: !!kategori?.aktif && kategori.instansiId === input.instansiId,
    pengajuan: !input.pengajuanId || (!!pj && pj.instansiId === input.instansiId && (offline || pj.pemohonId === v!.id)),
    layanan: !input.layananId || (!!l && l.instansiId === input.instansiId),
  });
  if (viaClient) problems.parse(KanalKlien, { kanal: input.kanal });
  problems.throwIfAny();
  if (!kategori) throw new Error("buatPengaduan: checked category missing"); // unreachable: throwIfAny threw
  const id = crypto.randomUUID();
  const seal = (value: string | null | undefined, what: string) =>
    value?.trim() ? encrypt(ctx.keys, value.trim().slice(0, 300), `pengaduan:${id}:${what}`) : null;
  const { deliveries, ...created } = await storeLampiran(ctx, input.bukti, "bukti", async (tx, stored) => {
    const p = await tx.pengaduan.create({
      data: {
        id,
        kodeLacak: kodeLacak(),
        instansiId: input.instansiId,
        kategoriId: kategori.id,
        layananId: input.layananId ?? null,
        pengajuanId: input.pengajuanId ?? null,
        pelaporId: offline ? null : v!.id,
        namaPelapor: offline ? seal(input.namaPelapor, "nama") : null,
        kontakPelapor: offline ? seal(input.kontakPelapor, "kontak") : null,
        rahasia: input.rahasia,
        kanal: offline ? (input.kanal ?? "LANGSUNG") : "WEB",
        dicatatOlehId: offline ? (v?.id ?? null) : null,
        dicatatOlehKlienId: viaClient ? ctx.client!.id : null,
        judul,
        uraian,
        seq: 1,
      },
    });
    const log = await tx.pengaduanLog.create({ data: { pengaduanId: p.id, seq: 1, aksi: "DITERIMA", keStatus: "DITERIMA", ...actorIds(ctx) } });
    if (stored.length) await tx.pengaduanLampiran.createMany({ data: stored.map((f) => ({ pengaduanId: p.id, logId: log.id, fileId: f.id, bukti: true })) });
    // the webhook hook: PENGADUAN_DITERIMA to the instansi's subscribers, committed with the complaint
    const deliveries = await enqueueWebhook(
      tx,
      {
        event: "PENGADUAN_DITERIMA",
        instansiId: p.instansiId,
        at: p.createdAt,
        data: {
          pengaduanId: encodeGlobalID("Pengaduan", p.id),
          kodeLacak: p.kodeLacak,
          kanal: p.kanal,
          kategori: kategori.nama,
          rahasia: p.rahasia,
          status: p.status,
        },
      },
      ctx.webhookTargets,
    );
    return { ...p, deliveries };
  });
  if (deliveries) ctx.webhooks?.kick();
  ctx.pubsub.publish("pengaduan:updated", created.id, { id: created.id, seq: created.seq });
  ctx.pubsub.publish("instansi:pengaduan", created.instansiId, { id: created.id, seq: created.seq });
  return created;
}

export async function ubahStatusPengaduan(
  ctx: Context,
  input: { id: string; aksi: AksiPengaduan; versi: number; pesan?: string | null; lampiran: UploadedFile[] },
): Promise<Pengaduan> {
  const { p, pelaku } = await loadPengaduan(ctx, input.id);
  const ke = nextPengaduan(pelaku, p.status, input.aksi, p.dibukaKembali);
  if (!ke && PENGADUAN_TRANSITIONS[input.aksi].pelaku !== pelaku) throw forbidden("Tindakan ini bukan wewenang Anda.");
  assertVersion(p, input.versi, "Pengaduan ini baru saja diubah oleh orang lain. Muat ulang halaman."); // before the transition rule: lib/versioned.ts
  if (!ke) {
    if (input.aksi === "TIDAK_PUAS" && p.dibukaKembali) {
      throw new InvalidStateError("SUDAH_DIBUKA_KEMBALI", "Pernyataan tidak puas hanya dapat diajukan satu kali untuk satu pengaduan.");
    }
    throw new InvalidStateError(
      "ILLEGAL_TRANSITION",
      `Tindakan ini tidak dapat dilakukan pada pengaduan berstatus ${PENGADUAN_STATUS_LABEL[p.status].toLowerCase()}.`,
    );
  }
  const { pesan } = parseInput(pesanLangkah(PENGADUAN_TRANSITIONS[input.aksi].wajibPesan, input.aksi === "TOLAK"), { pesan: input.pesan });
  const now = new Date();
  const data: Prisma.PengaduanUncheckedUpdateManyInput = { status: ke, versi: { increment: 1 }, seq: { increment: 1 } };
  if (ke === "DIVERIFIKASI") {
    const instansi = await ctx.prisma.instansi.findUniqueOrThrow({ where: { id: p.instansiId }, select: { aturanTenggatAduan: true } });
    const d = complaintFollowUpDeadline(await ctx.calendars.get(p.instansiId), now, instansi.aturanTenggatAduan);
    Object.assign(data, { diverifikasiAt: p.diverifikasiAt ?? now, mulaiDihitungAt: now, tenggat: d.at, tenggatSementara: d.provisional });
  }
  if (input.aksi === "TIDAK_PUAS") Object.assign(data, { dibukaKembali: true, selesaiAt: null });
  if (ke === "DITINDAKLANJUTI" && p.status === "DIVERIFIKASI") Object.assign(data, { tenggat: null, tenggatSementara: false });
  if (ke === "SELESAI") data.selesaiAt = now;
  if (ke === "DITOLAK") data.alasanTolak = pesan;
  let events: Array<{ userId: string; notificationId: string }> = [];
  const updated = await storeLampiran(ctx, input.lampiran, "lampiran", async (tx, stored) => {
    const { count } = await tx.pengaduan.updateMany({ where: { id: p.id, versi: p.versi }, data });
    if (count === 0) throw new ConflictError("CONFLICT", "Pengaduan ini baru saja diubah oleh orang lain. Muat ulang halaman.", "versi");
    const row = await tx.pengaduan.findUniqueOrThrow({ where: { id: p.id } });
    const log = await tx.pengaduanLog.create({
      data: { pengaduanId: p.id, seq: row.seq, aksi: input.aksi, dariStatus: p.status, keStatus: ke, ...actorIds(ctx), pesan },
    });
    if (stored.length)
      await tx.pengaduanLampiran.createMany({ data: stored.map((f) => ({ pengaduanId: p.id, logId: log.id, fileId: f.id, bukti: pelaku === "PELAPOR" })) });
    if (row.pelaporId && row.pelaporId !== ctx.viewer?.id) {
      const pelapor = await tx.user.findUniqueOrThrow({ where: { id: row.pelaporId }, select: { email: true, namaLengkap: true } });
      const label = PENGADUAN_STATUS_LABEL[ke];
      events = await createNotifications(tx, [
        {
          userId: row.pelaporId,
          kind: `PENGADUAN_${ke}`,
          judul: `Pengaduan ${row.kodeLacak}: ${label}`,
          isi: pesan ?? `Status pengaduan Anda: ${label.toLowerCase()}.`,
          data: { pengaduanId: row.id, status: ke },
        },
      ]);
      const tautan = `${ctx.config.publicUrl}/pengaduan/${row.id}`;
      // the reporter's chosen channels for replies to a complaint
      const phone = await penerima(tx, kanalDeps(ctx), row.pelaporId, "BALASAN_PENGADUAN", {
        judul: `Pengaduan ${row.kodeLacak}: ${label}`,
        isi: pesan ?? `Status pengaduan Anda: ${label.toLowerCase()}.`,
        tautan,
      });
      if (phone.rows.length) await tx.outbox.createMany({ data: phone.rows });
      if (phone.email)
        await enqueueEmail(tx, {
          to: pelapor.email,
          subject: `Pengaduan ${row.kodeLacak}: ${label}`,
          text: `Yth. ${pelapor.namaLengkap},\n\nStatus pengaduan Anda "${row.judul}" kini: ${label}.${pesan ? `\n\nTanggapan petugas:\n${pesan}` : ""}\n\nRincian: ${ctx.config.publicUrl}/pengaduan/${row.id}\n\nSalam,\nLoket`,
          kategori: "STATUS_PENGADUAN",
        });
    }
    return row;
  });
  ctx.pubsub.publish("pengaduan:updated", updated.id, { id: updated.id, seq: updated.seq });
  ctx.pubsub.publish("instansi:pengaduan", updated.instansiId, { id: updated.id, seq: updated.seq });
  publishNotifications(ctx.pubsub, events);
  ctx.mail?.kick();
  ctx.kanal?.kick();
  return updated;
}

/** Re-reads a complaint with the selection the client asked for (mutations return the row their service wrote). */
export function pengaduanById<Q extends object>(ctx: Context, query: Q, id: string) {
  return ctx.prisma.pengaduan.findUniqueOrThrow({ ...q(query), where: { id } });
}

/** Who complained, when the caller may know (the read of a confidential reporter is audited); null otherwise. */
export async function pelaporOf(
  ctx: Context,
  p: {
    id: string;
    pelaporId: string | null;
    instansiId: string;
    rahasia: boolean;
    namaPelapor: string | null;
    kontakPelapor: string | null;
    pelapor: { namaLengkap: string; email: string; telepon: string } | null;
  },
) {
  if (!maySeeReporter(ctx, p)) return null;
  if (p.rahasia) await auditRead(ctx, "Pengaduan.pelapor (rahasia)", p.pelaporId ?? null, { jenis: "Pengaduan", id: p.id });
  if (p.pelapor) return { nama: p.pelapor.namaLengkap, kontak: `${p.pelapor.email} / ${p.pelapor.telepon}`, terdaftar: true };
  return { ...revealOffline(ctx, p), terdaftar: false };
}

/** How the running follow-up deadline is computed, or null when none runs. */
export function penjelasanTenggat(
  ctx: Context,
  p: {
    status: PengaduanStatus;
    tenggat: Date | null;
    instansiId: string;
    mulaiDihitungAt: Date | null;
    diverifikasiAt: Date | null;
    instansi: { aturanTenggatAduan: ComplaintDeadlineRule };
  },
) {
  return tenggatBerjalan(p) ? explainFor(ctx, p.instansiId, () => pengaduanChain(p, p.instansi.aturanTenggatAduan)) : null;
}

export function kategoriPengaduan<Q extends object>(ctx: Context, query: Q, instansiId: string, termasukNonaktif: boolean) {
  return ctx.prisma.kategoriPengaduan.findMany({
    ...q(query),
    where: { instansiId, ...(termasukNonaktif ? {} : { aktif: true }) },
    orderBy: [{ terakhir: "asc" }, { nama: "asc" }],
  });
}

export function pengaduanSaya<Q extends object>(ctx: Context, query: Q) {
  return ctx.prisma.pengaduan.findMany({ ...q(query), where: { pelaporId: ctx.viewer!.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

export interface MejaFilter {
  instansiId?: string | null;
  status?: PengaduanStatus[] | null;
  terlambat?: boolean | null;
}

/** The desk asked for (default: the caller's instansi), filtered; "overdue" as rules.ts defines it. */
function mejaWhere(ctx: Context, f: MejaFilter): Prisma.PengaduanWhereInput {
  return {
    instansiId: String(f.instansiId ?? callerInstansiId(ctx)),
    ...(f.status?.length ? { status: { in: f.status } } : {}),
    ...(f.terlambat ? { status: STATUS_TENGGAT_BERJALAN, tenggat: { lt: new Date() } } : {}),
  };
}

/** The complaint desk of an instansi: unverified and overdue first. */
export function mejaPengaduan<Q extends object>(ctx: Context, query: Q, f: MejaFilter) {
  return ctx.prisma.pengaduan.findMany({
    ...q(query),
    where: mejaWhere(ctx, f),
    orderBy: [{ tenggat: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export function hitungMejaPengaduan(ctx: Context, f: MejaFilter) {
  return ctx.prisma.pengaduan.count({ where: mejaWhere(ctx, f) });
}

/** Public tracking by code: status and dates only, or null for an unknown code. */
export async function lacakPengaduan(ctx: Context, kode: string) {
  const p = await ctx.prisma.pengaduan.findUnique({
    where: { kodeLacak: kode.trim().toUpperCase() },
    include: { instansi: { select: { nama: true, aturanTenggatAduan: true } } },
  });
  if (!p) return null;
  return {
    kodeLacak: p.kodeLacak,
    status: p.status,
    statusLabel: PENGADUAN_STATUS_LABEL[p.status],
    instansi: p.instansi.nama,
    diterimaAt: p.createdAt,
    tenggat: p.tenggat,
    tenggatSementara: p.tenggatSementara,
    tenggatPenjelasan: await penjelasanTenggat(ctx, p),
    selesaiAt: p.selesaiAt,
  };
}

export async function tambahKategori<Q extends object>(ctx: Context, query: Q, input: { instansiId: string; nama: string }) {
  const { nama } = parseInput(NamaKategori, input);
  try {
    return await ctx.prisma.kategoriPengaduan.create({ ...q(query), data: { instansiId: input.instansiId, nama } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("KATEGORI_EXISTS", "Kategori dengan nama itu sudah ada.", "nama");
    throw err;
  }
}

export async function ubahKategori<Q extends object>(ctx: Context, query: Q, input: { id: string; nama?: string | null; aktif?: boolean | null }) {
  const k = await ctx.prisma.kategoriPengaduan.findUnique({ where: { id: input.id } });
  if (!k || !can(ctx, "pengaduan:kelolaKategori", k)) throw new NotFoundError("KATEGORI_NOT_FOUND", "Kategori tidak ditemukan.", "id");
  return ctx.prisma.kategoriPengaduan.update({
    ...q(query),
    where: { id: k.id },
    data: { ...(input.nama ? { nama: input.nama.trim() } : {}), ...(input.aktif != null ? { aktif: input.aktif } : {}) },
  });
}
