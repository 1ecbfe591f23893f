import { encodeGlobalID } from "@pothos/plugin-relay";
import { assertVersion } from "../../lib/versioned";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import type { Context } from "../../context";
import { Prisma, type Pengajuan, type PengajuanLog } from "../../generated/prisma/client";
import type { PengajuanStatus, PengirimanOpsi } from "../../generated/prisma/enums";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError, forbidden } from "../../lib/errors";
import { receiveUpload, storeBytes, withStoredFiles, type ReceivedUpload, type TrackFile, type UploadedFile } from "../files/store";
import type { HasilCap } from "../surat/stamp";
import { kanalDeps, penerima } from "../kanal/outbox";
import { notificationRows, publishNotifications, type NewNotification } from "../notification/service";
import { emailRow, type EmailMessage } from "../mail/outbox";
import { statusPengajuan } from "../mail/templates";
import { validateForm, type FieldDef } from "../../shared/form";
import { draftValues } from "../../shared/draft-form";
import { ALLOWED_DEFAULT } from "../../shared/files";
import { HASIL_MAKS_BYTES } from "../../shared/limits";
import { SELESAI_UNTUK_SURVEI, STATUS_LABEL, allowedActions, dapatDiubah, isFinal, next, type Aksi, type Pelaku, TRANSITIONS } from "./transitions";
import { clockOnTransition, remaining } from "./sla";
import { berkasInput, catatanInput, dokumenTerlihat, hasilInput, kataTransisi, pilihPengiriman } from "./rules";
import { parseInput } from "../../lib/validate";
import { actorIds } from "../../lib/caller";
import { assertCan, can } from "../../policy";
import { PETUGAS_LAYANAN, peranPengajuan } from "./policy";
import { webhookDeliveries } from "../webhook/outbox";
import { ident, insertFrom, setList, table, type Row } from "../../db/sql";

type Tx = Prisma.TransactionClient;
/** the client or a transaction of it */
type Db = Tx | Context["prisma"];

const notFound = () => new NotFoundError("PENGAJUAN_NOT_FOUND", "Pengajuan tidak ditemukan.", "id");

/**
 * At the counter (walk-in.ts): a counter officer acts for the person standing there. The draft is the person's
 * (`pemohonId`), every step the officer's (aktorId) and marked `diLoket`; the officer may edit and submit only a
 * case started at the counter, of their own desk (`pengajuan:layaniDiLoket`), as its applicant would.
 */
export interface DiLoket {
  pemohonId: string;
}
/** The request context, at the counter extended with the person served (walk-in.ts `diLoket`). */
export type PengajuanContext = Context & { diLoket?: DiLoket };

/** Whether this counter context may act as the applicant of `p`: a counter case of the person served, on the officer's desk. */
function actsAtCounter(ctx: PengajuanContext, p: { pemohonId: string; instansiId: string; diLoket: boolean }): boolean {
  return !!ctx.diLoket && p.diLoket && p.pemohonId === ctx.diLoket.pemohonId && can(ctx, "pengajuan:layaniDiLoket", p);
}

/**
 * Loads a pengajuan the viewer may see (policy.ts: `pengajuan:lihat`), with who the viewer is to it for the state
 * table; others' are "not found", never "forbidden" (no existence leak).
 */
export async function loadVisible(ctx: Context, id: string): Promise<{ p: Pengajuan; pelaku: Pelaku }> {
  const p = await ctx.prisma.pengajuan.findUnique({ where: { id } });
  const pelaku = p && can(ctx, "pengajuan:lihat", p) ? peranPengajuan(ctx, p) : null;
  if (!p || !pelaku) throw notFound();
  return { p, pelaku };
}

// ---------------------------------------------------------------------------------------------------
// What the viewer may do with a request now: the policy (who the viewer is to it) and the state table together

/** The actions of the state table the viewer may take now (the buttons). */
export function aksiTersedia(ctx: Context, p: { pemohonId: string; instansiId: string; status: PengajuanStatus }): Aksi[] {
  const pelaku = peranPengajuan(ctx, p);
  return pelaku ? allowedActions(pelaku, p.status) : [];
}

/** May the viewer edit the form and the documents now (what ownEditable checks before an edit). */
export function dapatDiubahOleh(ctx: Context, p: { pemohonId: string; instansiId: string; status: PengajuanStatus }): boolean {
  return can(ctx, "pengajuan:ubahDraft", p) && dapatDiubah(p.status);
}

/** May the viewer answer the satisfaction survey now: the applicant, once the service is over (skm/service.ts). */
export function bolehSurveiOleh(ctx: Context, p: { pemohonId: string; instansiId: string; status: PengajuanStatus }): boolean {
  return peranPengajuan(ctx, p) === "PEMOHON" && SELESAI_UNTUK_SURVEI.includes(p.status);
}

/** Working minutes left until the deadline (negative when overdue); while paused or stopped, what was left. */
export async function sisaMenitKerja(
  ctx: Context,
  p: { instansiId: string; status: PengajuanStatus; tenggat: Date | null; slaSisaMenit: number | null; selesaiAt: Date | null },
): Promise<number | null> {
  // finished (the result is ready, or the request was closed): no time is left to count, whatever was left then
  if (p.selesaiAt || isFinal(p.status)) return null;
  if (p.tenggat) return remaining(await ctx.calendars.get(p.instansiId), p.tenggat, new Date());
  return p.slaSisaMenit;
}

function fieldDefs(
  fields: Array<{
    nama: string;
    label: string;
    tipe: FieldDef["tipe"];
    wajib: boolean;
    pola: string | null;
    min: number | null;
    max: number | null;
    opsi: string[];
  }>,
): FieldDef[] {
  return fields;
}

/** The form's problems as one error (every wrong field at once, the first on top), or null when there are none. */
function firstFieldError(errors: Array<{ field: string; code: string; message: string }>): ValidationError | null {
  return errors.length ? ValidationError.of(errors.map((e) => ({ ...e, field: `formData.${e.field}` }))) : null;
}

function parsePengiriman(layanan: { unduhOnline: boolean; ambilDiKantor: boolean }, value: PengirimanOpsi | null | undefined): PengirimanOpsi {
  const chosen = pilihPengiriman(layanan, value);
  if (!chosen) throw new ValidationError("PENGIRIMAN_INVALID", "Cara penerimaan hasil ini tidak tersedia untuk layanan tersebut.", "pengiriman");
  return chosen;
}

// ---------------------------------------------------------------------------------------------------
// Applicant: draft, form, documents, submit

export async function createDraft(
  ctx: PengajuanContext,
  input: { layananId: string; pengiriman?: PengirimanOpsi | null; formData?: Record<string, unknown> | null; dariPengajuanId?: string | null },
): Promise<Pengajuan> {
  const v = ctx.viewer!;
  // at the counter the draft is the served person's, started by the officer
  const pemohonId = ctx.diLoket?.pemohonId ?? v.id;
  const diLoket = !!ctx.diLoket;
  const layanan = await ctx.prisma.layanan.findUnique({ where: { id: input.layananId }, include: { formFields: true, instansi: { select: { aktif: true } } } });
  if (!layanan?.aktif || !layanan.instansi.aktif) {
    throw new NotFoundError("LAYANAN_NOT_FOUND", "Layanan tidak ditemukan atau sedang tidak dibuka.", "layananId");
  }
  let asal: (Pengajuan & { dokumen: Array<{ persyaratanId: string; fileId: string }> }) | null = null;
  if (input.dariPengajuanId) {
    asal = await ctx.prisma.pengajuan.findUnique({ where: { id: input.dariPengajuanId }, include: { dokumen: { where: { diganti: false } } } });
    if (!asal || asal.pemohonId !== pemohonId) throw new NotFoundError("PENGAJUAN_NOT_FOUND", "Pengajuan asal tidak ditemukan.", "dariPengajuanId");
    if (asal.status !== "DITOLAK" && asal.status !== "DIBATALKAN") {
      throw new InvalidStateError("ASAL_NOT_CLOSED", "Hanya pengajuan yang ditolak atau dibatalkan yang dapat diajukan ulang.");
    }
    if (asal.layananId !== layanan.id) throw new ValidationError("LAYANAN_MISMATCH", "Pengajuan ulang harus untuk layanan yang sama.", "layananId");
  }
  const pengiriman = parsePengiriman(layanan, input.pengiriman ?? asal?.pengiriman);
  const raw = input.formData ?? (asal?.formData as Record<string, unknown> | undefined) ?? {};
  const { values, errors } = validateForm(fieldDefs(layanan.formFields), raw, { partial: true });
  const err = firstFieldError(errors);
  if (err) throw err;
  if (diLoket)
    assertCan(ctx, "pengajuan:layaniDiLoket", { instansiId: layanan.instansiId }, undefined, "Hanya petugas instansi ini yang dapat melayani di loketnya.");
  return ctx.prisma.$transaction(async (tx) => {
    const p = await tx.pengajuan.create({
      data: { layananId: layanan.id, instansiId: layanan.instansiId, pemohonId, formData: values, pengiriman, asalId: asal?.id ?? null, seq: 1, diLoket },
    });
    await tx.pengajuanLog.create({
      data: {
        pengajuanId: p.id,
        seq: 1,
        aksi: "BUAT",
        keStatus: "DRAFT",
        aktorId: v.id,
        diLoket,
        pesan: asal ? "Pengajuan ulang dari pengajuan yang ditolak" : null,
      },
    });
    if (asal?.dokumen.length) {
      // documents carried over point at the same stored files: nothing is copied on disk
      await tx.dokumenPengajuan.createMany({ data: asal.dokumen.map((d) => ({ pengajuanId: p.id, persyaratanId: d.persyaratanId, fileId: d.fileId })) });
    }
    return p;
  });
}

function ownEditable(ctx: PengajuanContext, p: Pengajuan, seen: number) {
  if (ctx.diLoket) {
    if (!actsAtCounter(ctx, p)) throw notFound();
  } else assertCan(ctx, "pengajuan:ubahDraft", p, notFound);
  assertVersion(p, seen, STALE);
  if (!dapatDiubah(p.status)) {
    throw new InvalidStateError("NOT_EDITABLE", `Pengajuan berstatus ${STATUS_LABEL[p.status].toLowerCase()} tidak dapat diubah.`);
  }
}

const STALE = "Pengajuan ini baru saja diubah oleh orang lain. Muat ulang halaman dan periksa kembali.";

/** What a claim sets: column values, or SQL expressions such as NEXT_SEQ. */
type ClaimData = { [K in keyof Pengajuan]?: Pengajuan[K] | Prisma.Sql };

/** The next Log Pengajuan sequence number, for a claim that adds a step; a step's row takes it from the claim. */
const NEXT_SEQ = Prisma.sql`"seq" + 1`;
const CLAIMED_SEQ = Prisma.sql`"claimed"."seq"`;

/**
 * Bumps the version if it still is `versi`, with `also` written only if it was; otherwise someone else changed
 * it first (CONFLICT) and nothing is written. One statement: UPDATE … WHERE versi = <the version the caller
 * saw> RETURNING *, with each row of `also` inserted from its result (a status change and its step, email,
 * notification and webhook deliveries commit together without a transaction around them).
 */
async function claim(db: Db, p: { id: string; versi: number }, data: ClaimData = {}, also: Array<{ table: string; row: Row }> = []): Promise<Pengajuan> {
  const writes = also.map((a, i) => Prisma.sql`, ${ident(`w${i}`)} AS (${insertFrom(a.table, a.row, "claimed")})`);
  const [row] = await db.$queryRaw<Pengajuan[]>`WITH claimed AS (
    UPDATE ${table("Pengajuan")} SET ${setList({ ...data, versi: Prisma.sql`"versi" + 1`, updatedAt: new Date() })}
    WHERE "id" = ${p.id} AND "versi" = ${p.versi} RETURNING *)${writes.length ? Prisma.join(writes, "") : Prisma.empty}
    SELECT * FROM claimed`;
  if (!row) throw new ConflictError("CONFLICT", "Pengajuan ini baru saja diubah oleh orang lain. Muat ulang halaman dan periksa kembali.", "versi");
  return row;
}

export async function updateDraft(
  ctx: PengajuanContext,
  input: { id: string; versi: number; formData?: Record<string, unknown> | null; pengiriman?: PengirimanOpsi | null },
): Promise<Pengajuan> {
  const { p } = await loadVisible(ctx, input.id);
  ownEditable(ctx, p, input.versi);
  const layanan = await ctx.prisma.layanan.findUniqueOrThrow({ where: { id: p.layananId }, include: { formFields: true } });
  const data: ClaimData = {};
  if (input.formData) {
    // only the fields sent change (two tabs saving different fields both keep theirs); a draft keeps the text as
    // typed, malformed or not, and the strict check runs on submit (shared/draft-form.ts)
    const merged = { ...(p.formData as Record<string, unknown>), ...input.formData };
    const { values, errors } = draftValues(fieldDefs(layanan.formFields), merged);
    const err = firstFieldError(errors);
    if (err) throw err;
    data.formData = values as Prisma.JsonObject;
  }
  if (input.pengiriman) data.pengiriman = parsePengiriman(layanan, input.pengiriman);
  return claim(ctx.prisma, p, data);
}

export interface UploadInput {
  persyaratanId: string;
  file: UploadedFile;
}

/** Stores documents for slots of the service; a newer upload replaces the slot's previous one (kept in history). */
export async function uploadDokumen(ctx: PengajuanContext, input: { id: string; versi: number; berkas: UploadInput[] }): Promise<Pengajuan> {
  const { p } = await loadVisible(ctx, input.id);
  ownEditable(ctx, p, input.versi);
  parseInput(berkasInput, input);
  const slots = await ctx.prisma.persyaratanDokumen.findMany({ where: { layananId: p.layananId } });
  const slotOf = input.berkas.map((b, i) => {
    const slot = slots.find((s) => s.id === b.persyaratanId);
    if (!slot) throw new ValidationError("SLOT_NOT_FOUND", "Persyaratan yang dituju tidak ada pada layanan ini.", `berkas.${i}.persyaratanId`);
    return slot;
  });
  if (new Set(slotOf.map((s) => s.id)).size !== slotOf.length) {
    throw new ValidationError("SLOT_DUPLICATE", "Satu persyaratan hanya boleh diisi satu berkas per unggahan.", "berkas");
  }
  const tmpDir = ctx.storage.tmpDir;
  return withStoredFiles(ctx.storage, async (track) => {
    const received: Array<{ up: Awaited<ReturnType<typeof receiveUpload>>; key: string; slot: (typeof slotOf)[number] }> = [];
    for (const [i, b] of input.berkas.entries()) {
      const slot = slotOf[i]!;
      const up = await receiveUpload(b.file, { maxBytes: slot.maksBytes, allowed: slot.jenisFile, tmpDir, field: `berkas.${i}.file` });
      received.push({ up, key: await track(up), slot });
    }
    return ctx.prisma.$transaction(async (tx) => {
      // once submitted, the officer follows the request live: a changed document is a step of its Log Pengajuan
      // (pengajuanBerubah carries it to the open case page, whose viewer then shows the new file)
      const submitted = p.status !== "DRAFT";
      const updated = await claim(tx, { id: p.id, versi: input.versi }, submitted ? { seq: NEXT_SEQ } : {});
      let replaced = false;
      for (const { up, key, slot } of received) {
        const stored = await tx.storedFile.create({
          data: { sha256: up.sha256, ukuran: up.size, mime: up.mime, namaAsli: up.namaAsli, storageKey: key, uploaderId: ctx.viewer!.id },
        });
        const old = await tx.dokumenPengajuan.updateMany({ where: { pengajuanId: p.id, persyaratanId: slot.id, diganti: false }, data: { diganti: true } });
        if (old.count) replaced = true;
        await tx.dokumenPengajuan.create({ data: { pengajuanId: p.id, persyaratanId: slot.id, fileId: stored.id } });
      }
      if (!submitted) return { updated, log: null };
      // the slots' labels, never the file names (a citizen's file name may carry personal data)
      const labels = [...new Set(received.map((r) => r.slot.label))].join(", ");
      const log = await tx.pengajuanLog.create({
        data: { ...step(ctx, p, replaced ? "GANTI_DOKUMEN" : "TAMBAH_DOKUMEN", p.status, labels), seq: updated.seq },
      });
      return { updated, log };
    });
  }).then(({ updated, log }) => {
    if (log) publishPengajuan(ctx, updated, log);
    else ctx.pubsub.publish("antrian:berubah", { instansiId: updated.instansiId }); // its documents show in the queue
    return updated;
  });
}

async function nomorRegistrasi(tx: Tx, instansi: { id: string; kode: string; prefixNomor: string }, at: Date): Promise<string> {
  const prefix = instansi.prefixNomor || instansi.kode.split("-")[0]!;
  const year = at.getUTCFullYear();
  const kunci = `${instansi.id}/${year}`;
  const row = await tx.nomorUrut.upsert({ where: { kunci }, create: { kunci, terakhir: 1 }, update: { terakhir: { increment: 1 } } });
  return `${prefix}/${year}/${String(row.terakhir).padStart(6, "0")}`;
}

// ---------------------------------------------------------------------------------------------------
// Transitions (applicant and staff), one transaction each, events after commit

export interface TransitionInput {
  id: string;
  aksi: Aksi;
  versi: number;
  pesan?: string | null;
  diambilOleh?: string | null;
  identitasPengambil?: string | null;
  /** VERIFIKASI: the documents the officer saw (DokumenPengajuan ids); a replaced or unseen one refuses it */
  dokumenDilihat?: readonly string[] | null;
}

const SURAT_TX = { maxWait: 30_000, timeout: 60_000 } as const;

/**
 * A transition taken together with a letter (surat/letter-service.ts), which has already decided that the
 * caller is this actor to the request (the signing official the letter was sent to). `lampiran` writes the
 * letter's rows in the transaction of the claim, after it: both commit or neither.
 */
export interface DenganSurat {
  pelaku: Pelaku;
  lampiran: (tx: Tx, after: Pengajuan) => Promise<void>;
}

// what a transition needs besides the row, read with it in one statement
const TRANSITION_READ = {
  layanan: {
    select: {
      id: true,
      kode: true,
      nama: true,
      slaJumlah: true,
      slaSatuan: true,
      kunjungan: true,
      instansi: { select: { id: true, kode: true, nama: true, prefixNomor: true } },
    },
  },
  pemohon: { select: { id: true, namaLengkap: true, email: true } },
} satisfies Prisma.PengajuanInclude;

// submitting also checks the form and the required documents: read in the same statement
const SUBMIT_READ = {
  layanan: {
    select: {
      ...TRANSITION_READ.layanan.select,
      formFields: { orderBy: { urutan: "asc" } },
      persyaratan: { where: { wajib: true }, select: { id: true, label: true, urutan: true } },
    },
  },
  pemohon: TRANSITION_READ.pemohon,
  dokumen: { where: { diganti: false }, select: { persyaratanId: true } },
} satisfies Prisma.PengajuanInclude;

type SubmitRead = Prisma.PengajuanGetPayload<{ include: typeof SUBMIT_READ }>;

export async function transition(ctx: PengajuanContext, input: TransitionInput, surat?: DenganSurat): Promise<Pengajuan> {
  const rule = TRANSITIONS[input.aksi];
  const found = (await ctx.prisma.pengajuan.findUnique({ where: { id: input.id }, include: rule.perlu.berkasLengkap ? SUBMIT_READ : TRANSITION_READ })) as
    | (Prisma.PengajuanGetPayload<{ include: typeof TRANSITION_READ }> & Partial<Pick<SubmitRead, "dokumen">>)
    | null;
  // at the counter the officer takes the applicant's step (only on a counter case of the person served)
  const pelaku = found && (surat ? surat.pelaku : ctx.diLoket ? (actsAtCounter(ctx, found) ? "PEMOHON" : null) : peranPengajuan(ctx, found));
  if (!found || !pelaku) throw notFound();
  const { layanan, pemohon, dokumen: _dokumen, ...p } = found;
  if (rule.perlu.surat && !surat) {
    throw new InvalidStateError(
      "LEWAT_SURAT",
      "Tindakan ini dilakukan bersama suratnya: buat surat hasil, atau tandatangani/kembalikan surat dari antrean tanda tangan.",
    );
  }
  const keTabel = next(pelaku, p.status, input.aksi);
  const ke = keTabel && rule.keJikaAmbil && p.pengiriman === "AMBIL" ? rule.keJikaAmbil : keTabel;
  if (!ke && rule.pelaku !== pelaku) throw forbidden("Tindakan ini bukan wewenang Anda.");
  assertVersion(p, input.versi, STALE); // before the transition rule: lib/versioned.ts
  if (!ke) {
    throw new InvalidStateError(
      "ILLEGAL_TRANSITION",
      `Tindakan "${input.aksi.toLowerCase().replace(/_/g, " ")}" tidak dapat dilakukan pada pengajuan berstatus ${STATUS_LABEL[p.status].toLowerCase()}.`,
    );
  }
  if (input.aksi === "VERIFIKASI" && input.dokumenDilihat) await assertDokumenTerlihat(ctx, p.id, input.dokumenDilihat);
  if (rule.perlu.kunjungan && layanan.kunjungan === "TIDAK_ADA")
    throw new InvalidStateError(
      "KUNJUNGAN_TIDAK_TERSEDIA",
      `Layanan ${layanan.nama} belum membuka jadwal kunjungan: admin mengaturnya dulu di halaman layanan (Kunjungan ke kantor).`,
    );
  // what the action needs, as the table declares it (transitions.ts `perlu`)
  const kata = parseInput(kataTransisi(rule.perlu), input);
  // an official's note on a returned letter is for the officers (the letter keeps it), not the applicant's history
  const pesan = rule.perlu.pesan === "CATATAN" ? null : kata.pesan;
  const now = new Date();
  const data: ClaimData = { status: ke };

  if (rule.perlu.berkasLengkap) {
    const {
      layanan: { formFields, persyaratan },
      dokumen,
    } = found as SubmitRead;
    const { values, errors } = validateForm(fieldDefs(formFields), p.formData as Record<string, unknown>);
    const have = new Set(dokumen.map((d) => d.persyaratanId));
    const missing = persyaratan.filter((s) => !have.has(s.id)).sort((a, b) => a.urutan - b.urutan);
    // the form's problems and the missing documents in one answer
    const kurang = missing.length
      ? [
          {
            code: "DOKUMEN_KURANG",
            message: `Dokumen wajib belum diunggah: ${missing.map((m) => m.label).join(", ")}.`,
            field: `persyaratan.${missing[0]!.id}`,
          },
        ]
      : [];
    const err = firstFieldError(errors);
    if (err || kurang.length) throw ValidationError.of([...(err?.problems ?? []), ...kurang]);
    data.formData = values as Prisma.JsonObject;
    // "Diajukan" stays the first submission; a re-submission after a fix is its own step (diajukanUlangAt)
    if (!p.diajukanAt) data.diajukanAt = now;
  }
  if ("diambilOleh" in kata) Object.assign(data, { diambilOleh: kata.diambilOleh, identitasPengambil: kata.identitasPengambil, diambilAt: now });
  if (rule.perlu.hasil && p.pengiriman === "UNDUH" && (await ctx.prisma.hasilDokumen.count({ where: { pengajuanId: p.id } })) === 0) {
    throw new InvalidStateError("HASIL_REQUIRED", "Lampirkan dokumen hasil terlebih dahulu; pemohon memilih mengunduh hasil secara online.");
  }
  if (rule.perlu.pesan === "ALASAN") data.alasanTolak = pesan;
  if (ke === "SELESAI" || ke === "SIAP_DIAMBIL") data.selesaiAt = now;

  const cal = await ctx.calendars.get(p.instansiId);
  Object.assign(data, clockOnTransition(cal, { jumlah: layanan.slaJumlah, satuan: layanan.slaSatuan }, p, ke, now));

  // everything the change writes goes in one statement with its claim (see claim); a first submission also
  // draws a registration number, in a transaction with it so a lost race gives the number back
  const numbering = input.aksi === "AJUKAN" && !p.nomorRegistrasi;
  const write = async (db: Db) => {
    const nomor = numbering ? await nomorRegistrasi(db, layanan.instansi, now) : p.nomorRegistrasi;
    // the row as the claim will leave it (it matches only if nobody changed it since it was read)
    const after = { ...p, ...(data as Partial<Pengajuan>), nomorRegistrasi: nomor, seq: p.seq + 1 };
    const log = step(ctx, p, input.aksi, ke, "diambilOleh" in kata ? `Diambil oleh ${after.diambilOleh} (${after.identitasPengambil})` : pesan, now);
    const message = statusMessages(ctx, after, pemohon, layanan, p.status, pesan);
    const notifications = notificationRows(message.notification ? [message.notification] : []);
    // the applicant's chosen channels for status changes (WhatsApp/SMS rows beside the email, same transaction)
    const phone = message.notification
      ? await penerima(db, kanalDeps(ctx), pemohon.id, "STATUS_LAYANAN", {
          judul: message.notification.judul,
          isi: message.notification.isi,
          tautan: `${ctx.config.publicUrl}/pengajuan/${p.id}`,
        })
      : null;
    const deliveries = await webhookStatus(ctx, db, after, layanan, p.status, input.aksi, now);
    const claimed = await claim(db, p, { ...data, nomorRegistrasi: numbering ? nomor : undefined, seq: NEXT_SEQ }, [
      { table: "PengajuanLog", row: { ...log, seq: CLAIMED_SEQ } },
      ...(message.email && (phone?.email ?? true) ? [{ table: "Outbox", row: emailRow(message.email) }] : []),
      ...(phone?.rows ?? []).map((row) => ({ table: "Outbox", row })),
      ...notifications.rows.map((row) => ({ table: "Notification", row })),
      ...deliveries.map((row) => ({ table: "WebhookDelivery", row })),
    ]);
    if (surat) await surat.lampiran(db as Tx, claimed);
    return {
      claimed,
      log: { ...log, seq: claimed.seq },
      events: notifications.events,
      deliveries: deliveries.length,
      email: message.email !== null,
      phone: (phone?.rows.length ?? 0) > 0,
    };
  };
  // a letter is drawn (or signed and stored) inside its step's transaction: allow it longer than Prisma's 2 s to start and
  // 5 s to finish, as letters made at once queue on the office's counter row (on PGlite on its one connection)
  const { claimed, log, events, deliveries, email, phone } = surat
    ? await ctx.prisma.$transaction(write, SURAT_TX)
    : numbering
      ? await ctx.prisma.$transaction(write)
      : await write(ctx.prisma);
  publishPengajuan(ctx, claimed, log);
  publishNotifications(ctx.pubsub, events);
  if (email) ctx.mail?.kick();
  if (phone) ctx.kanal?.kick();
  if (deliveries) ctx.webhooks?.kick();
  return claimed;
}

/**
 * A verification names the documents the officer saw: it is refused when one of them was replaced since, or a
 * current one is missing. Read before the claim; a document can change only with a new versi (uploadDokumen
 * claims it), so a replacement landing in between makes the claim fail with CONFLICT.
 */
async function assertDokumenTerlihat(ctx: Context, pengajuanId: string, dilihat: readonly string[]) {
  const dokumen = await ctx.prisma.dokumenPengajuan.findMany({
    where: { pengajuanId },
    select: { id: true, diganti: true, persyaratan: { select: { label: true } } },
  });
  const problem = dokumenTerlihat(
    dokumen.map((d) => ({ id: d.id, diganti: d.diganti, label: d.persyaratan.label })),
    dilihat,
  );
  if (problem?.code === "DOKUMEN_TIDAK_DIKENAL") throw new ValidationError(problem.code, problem.message, "dokumenDilihat");
  if (problem) throw new ConflictError(problem.code, problem.message, "dokumenDilihat");
}

/** The Log Pengajuan step that a claim of `p` adds: its seq is the claim's (p.seq + 1, since versi still matched). */
function step(ctx: PengajuanContext, p: Pengajuan, aksi: string, ke: PengajuanStatus, pesan: string | null, at = new Date()): PengajuanLog {
  return {
    id: randomUUID(),
    pengajuanId: p.id,
    seq: p.seq + 1,
    aksi,
    dariStatus: p.status,
    keStatus: ke,
    ...actorIds(ctx),
    diLoket: !!ctx.diLoket,
    pesan,
    createdAt: at,
  };
}

/**
 * The webhook hook: PENGAJUAN_STATUS for the instansi's subscribers, written with the change. Drafts are the
 * applicant's own business: nothing is sent before a request has a registration number.
 */
async function webhookStatus(
  ctx: Context,
  db: Db,
  p: Pengajuan,
  layanan: { id: string; kode: string; nama: string },
  dari: PengajuanStatus,
  aksi: Aksi,
  at: Date,
) {
  if (p.status === dari || !p.nomorRegistrasi) return [];
  return webhookDeliveries(
    db,
    {
      event: "PENGAJUAN_STATUS",
      instansiId: p.instansiId,
      at,
      data: {
        pengajuanId: encodeGlobalID("Pengajuan", p.id),
        nomorRegistrasi: p.nomorRegistrasi,
        layanan: { id: encodeGlobalID("Layanan", layanan.id), kode: layanan.kode, nama: layanan.nama },
        aksi,
        dariStatus: dari,
        status: p.status,
        seq: p.seq,
        tenggat: p.tenggat?.toISOString() ?? null,
      },
    },
    ctx.webhookTargets,
  );
}

/** The in-app notification (not for the applicant's own step) and the email of a status change. */
function statusMessages(
  ctx: Context,
  p: Pengajuan,
  pemohon: { id: string; namaLengkap: string; email: string },
  layanan: { nama: string; instansi: { nama: string } },
  dari: PengajuanStatus,
  pesan: string | null,
): { notification: NewNotification | null; email: EmailMessage | null } {
  if (p.status === dari) return { notification: null, email: null };
  const label = STATUS_LABEL[p.status];
  const isi =
    p.status === "PERLU_PERBAIKAN"
      ? `Petugas meminta perbaikan: ${pesan}`
      : p.status === "DITOLAK"
        ? `Pengajuan ditolak. Alasan: ${pesan}`
        : p.status === "SIAP_DIAMBIL"
          ? "Dokumen hasil siap diambil di kantor. Bawa dokumen identitas asli dan bukti pengajuan."
          : p.status === "SELESAI"
            ? "Pengajuan selesai. Dokumen hasil tersedia di Log Inbox."
            : p.status === "MENUNGGU_TTD"
              ? "Surat hasil layanan sudah dibuat dan sedang menunggu tanda tangan pejabat."
              : p.status === "MENUNGGU_KUNJUNGAN"
                ? `Petugas meminta Anda datang ke kantor: ${pesan} Pilih jadwal kunjungan di halaman pengajuan Anda.`
                : `Status pengajuan berubah menjadi ${label.toLowerCase()}.`;
  const notification =
    ctx.viewer?.id === pemohon.id
      ? null
      : {
          userId: pemohon.id,
          kind: `PENGAJUAN_${p.status}`,
          judul: `${p.nomorRegistrasi ?? "Pengajuan"}: ${label}`,
          isi,
          data: { pengajuanId: p.id, status: p.status },
        };
  const mail = statusPengajuan({
    nama: pemohon.namaLengkap,
    nomorRegistrasi: p.nomorRegistrasi ?? "-",
    layanan: layanan.nama,
    statusLabel: label,
    pesan: pesan ?? undefined,
    tautan: `${ctx.config.publicUrl}/pengajuan/${p.id}`,
    pengirim: layanan.instansi.nama,
  });
  // a person served at the counter without an account has no address (walk-in.ts): the officer prints the proof
  return { notification, email: pemohon.email ? { to: pemohon.email, ...mail, kategori: "STATUS_PENGAJUAN" } : null };
}

/**
 * The rows a change committed, by the event published for it. In memory the subscribers of this instance get
 * that very event object and may answer from these rows instead of reading them again; an event that came
 * through Redis is a copy, is not found here, and is read from the database.
 */
export const committedRows = new WeakMap<object, { pengajuan: Pengajuan; log: PengajuanLog }>();

export function publishPengajuan(ctx: Context, p: Pengajuan, log?: PengajuanLog) {
  // first the cached queue pages go (a desk re-reads its queue as soon as it hears of the change)
  ctx.pubsub.publish("antrian:berubah", { instansiId: p.instansiId });
  const event = { pengajuanId: p.id, seq: p.seq, status: p.status, pemohonId: p.pemohonId, instansiId: p.instansiId };
  if (log) committedRows.set(event, { pengajuan: p, log });
  ctx.pubsub.publish("pengajuan:updated", p.id, event);
  ctx.pubsub.publish("instansi:queue", p.instansiId, { pengajuanId: p.id, status: p.status, seq: p.seq });
}

// ---------------------------------------------------------------------------------------------------
// Staff: assignment, internal notes, results

export async function assign(ctx: Context, input: { id: string; versi: number; petugasId: string | null }): Promise<Pengajuan> {
  const { p } = await loadVisible(ctx, input.id);
  assertCan(ctx, "pengajuan:tugaskan", p, undefined, "Hanya petugas instansi yang dapat menugaskan pengajuan.");
  assertVersion(p, input.versi, STALE);
  if (input.petugasId) {
    if (input.petugasId !== ctx.viewer?.id)
      assertCan(ctx, "pengajuan:tugaskanOrangLain", p, undefined, "Petugas hanya dapat mengambil pengajuan untuk dirinya sendiri.");
    const officer = await ctx.prisma.user.findUnique({ where: { id: input.petugasId }, select: { role: true, instansiId: true, status: true } });
    if (officer?.status !== "AKTIF" || officer.instansiId !== p.instansiId || !PETUGAS_LAYANAN.includes(officer.role)) {
      throw new ValidationError("PETUGAS_INVALID", "Petugas yang dipilih bukan petugas aktif instansi ini.", "petugasId");
    }
  }
  const log = step(ctx, p, input.petugasId ? "TUGASKAN" : "LEPAS_TUGAS", p.status, null);
  const updated = await claim(ctx.prisma, p, { petugasId: input.petugasId, seq: NEXT_SEQ }, [{ table: "PengajuanLog", row: { ...log, seq: CLAIMED_SEQ } }]);
  publishPengajuan(ctx, updated, { ...log, seq: updated.seq });
  return updated;
}

export async function addCatatan(ctx: Context, input: { id: string; isi: string }) {
  const { p } = await loadVisible(ctx, input.id);
  assertCan(ctx, "pengajuan:lihatInternal", p, notFound);
  // an internal note is signed by an officer; another system has no name to sign it with
  assertCan(ctx, "pengajuan:catatInternal", p, undefined, "Catatan internal hanya dapat ditulis oleh petugas.");
  const { isi } = parseInput(catatanInput, input);
  return ctx.prisma.catatanInternal.create({ data: { pengajuanId: p.id, penulisId: ctx.viewer!.id, isi } });
}

function kodeVerifikasi(): string {
  // 12 characters from an alphabet without look-alikes, grouped for reading aloud: ABCD-EFGH-JKLM
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * Stores a received result: a PDF gets the verification stamp with `kode` on every page (surat/stamp.ts) and the
 * stamped file is stored instead of the upload (whose temp file is removed); a signed, encrypted or unreadable PDF
 * and an image are stored as they came (capPdf says why; nothing fails for it).
 */
async function simpanHasil(ctx: Context, track: TrackFile, up: ReceivedUpload, kode: string): Promise<{ key: string; sha256: string; size: number }> {
  if (up.mime === "application/pdf") {
    let cap: HasilCap;
    try {
      // pdf-lib and qrcode load with the first stamp, not at start
      const { capPdf } = await import("../surat/stamp");
      cap = await capPdf(await fs.readFile(up.tempPath), { kode, url: `${ctx.config.publicUrl}/verifikasi/${kode}` });
    } catch (err) {
      await fs.rm(up.tempPath, { force: true });
      throw err;
    }
    if (cap.dicap) {
      try {
        return await storeBytes(track, ctx.storage.tmpDir, cap.pdf);
      } finally {
        await fs.rm(up.tempPath, { force: true });
      }
    }
  }
  return { key: await track(up), sha256: up.sha256, size: up.size };
}

export async function uploadHasil(ctx: Context, input: { id: string; versi: number; judul: string; file: UploadedFile }): Promise<Pengajuan> {
  const { p } = await loadVisible(ctx, input.id);
  assertCan(ctx, "pengajuan:lampirkanHasil", p, undefined, "Hanya petugas instansi yang dapat melampirkan hasil.");
  assertVersion(p, input.versi, STALE);
  if (p.status !== "DIPROSES") throw new InvalidStateError("NOT_PROCESSING", "Dokumen hasil dilampirkan saat pengajuan sedang diproses.");
  const { judul } = parseInput(hasilInput, input);
  const tmpDir = ctx.storage.tmpDir;
  const updated = await withStoredFiles(ctx.storage, async (track) => {
    const up = await receiveUpload(input.file, { maxBytes: HASIL_MAKS_BYTES, allowed: [...ALLOWED_DEFAULT], tmpDir, field: "file" });
    const kode = kodeVerifikasi();
    const { key, sha256, size } = await simpanHasil(ctx, track, up, kode);
    return ctx.prisma.$transaction(async (tx) => {
      const claimed = await claim(tx, p, { seq: NEXT_SEQ });
      const stored = await tx.storedFile.create({
        data: { sha256, ukuran: size, mime: up.mime, namaAsli: up.namaAsli, storageKey: key, uploaderId: ctx.viewer?.id ?? null },
      });
      await tx.hasilDokumen.create({ data: { pengajuanId: p.id, fileId: stored.id, judul, kodeVerifikasi: kode } });
      await tx.pengajuanLog.create({
        data: { pengajuanId: p.id, seq: claimed.seq, aksi: "LAMPIRKAN_HASIL", dariStatus: p.status, keStatus: p.status, ...actorIds(ctx), pesan: judul },
      });
      return claimed;
    });
  });
  publishPengajuan(ctx, updated);
  return updated;
}
