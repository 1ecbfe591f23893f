import { TEMPLATE_MAKS_BYTES } from "../../shared/limits";
import { z } from "zod";
import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import { callerInstansiId } from "../../lib/caller";
import { ConflictError, NotFoundError, forbidden } from "../../lib/errors";
import { uuidOf } from "../../lib/global-id";
import { isSuperadmin } from "../../lib/policy";
import { q } from "../../lib/query";
import { Problems } from "../../lib/validate";
import { ANY, assertCan, can } from "../../policy";
import { isUniqueViolation } from "../account/service";
import { receiveUpload, withStoredFiles } from "../files/store";
import { ALLOWED_MIME, FORM_FIELDS, layananInput, persyaratanInput } from "./rules";

/**
 * The service catalogue: public reading, and the editor of an instansi's admins (a Standar Pelayanan with its
 * document slots, form fields and template files), each change in one transaction.
 */

type LayananQuery = { select?: Prisma.LayananSelect; include?: Prisma.LayananInclude };

export interface LayananFilter {
  instansiId?: string | null;
  cari?: string | null;
  kategori?: string | null;
  termasukNonaktif?: boolean | null;
}

/** Which inactive services the caller may list beside the active ones (layanan:lihatNonaktif). */
function inactiveVisible(ctx: Context): Prisma.LayananWhereInput {
  if (isSuperadmin(ctx)) return {}; // works every instansi's desks
  const own = callerInstansiId(ctx);
  return own && can(ctx, "layanan:lihatNonaktif", { instansiId: own }) ? { OR: [{ aktif: true }, { instansiId: own }] } : { aktif: true };
}

function layananWhere(ctx: Context, args: LayananFilter): Prisma.LayananWhereInput {
  const words = (args.cari ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    ...(args.termasukNonaktif ? inactiveVisible(ctx) : { aktif: true }),
    ...(args.instansiId ? { instansiId: args.instansiId } : {}),
    ...(args.kategori ? { kategori: args.kategori } : {}),
    AND: words.map((w) => ({
      OR: [
        { nama: { contains: w, mode: "insensitive" as const } },
        { deskripsi: { contains: w, mode: "insensitive" as const } },
        { kategori: { contains: w, mode: "insensitive" as const } },
        { kode: { contains: w, mode: "insensitive" as const } },
      ],
    })),
  };
}

/** The catalogue (public): active services, searchable; staff also see their instansi's inactive ones. */
export function listLayanan(ctx: Context, query: LayananQuery, args: LayananFilter) {
  return ctx.prisma.layanan.findMany({ ...q(query), where: layananWhere(ctx, args), orderBy: [{ nama: "asc" }, { id: "asc" }] });
}

export function countLayanan(ctx: Context, args: LayananFilter) {
  return ctx.prisma.layanan.count({ where: layananWhere(ctx, args) });
}

/** Categories of active services (for filters). */
export async function listKategori(ctx: Context, instansiId: string | null) {
  const rows = await ctx.prisma.layanan.findMany({
    where: { aktif: true, ...(instansiId ? { instansiId } : {}) },
    distinct: ["kategori"],
    select: { kategori: true },
    orderBy: { kategori: "asc" },
  });
  return rows.map((r) => r.kategori);
}

// ---------------------------------------------------------------------------------------------------
// The editor

const kodeTaken = () => new ConflictError("KODE_TAKEN", "Kode layanan sudah dipakai di instansi ini.", "kode");
const slotNotFound = () => new NotFoundError("PERSYARATAN_NOT_FOUND", "Slot persyaratan tidak ditemukan pada layanan ini.", "persyaratan");

/** A service the caller may edit; another instansi's is not found. */
async function layananToEdit(ctx: Context, id: string) {
  const row = await ctx.prisma.layanan.findUnique({ where: { id }, select: { id: true, instansiId: true } });
  const notFound = () => new NotFoundError("LAYANAN_NOT_FOUND", "Layanan tidak ditemukan.", "id");
  if (!row) throw notFound();
  assertCan(ctx, "layanan:kelola", row, notFound);
  return row;
}

/** A slot's id as sent (its global ID, or the bare UUID): a malformed one names no slot of this layanan. */
function decodeSlotId(id: string | null | undefined): string | null {
  if (!id) return null;
  try {
    return uuidOf("PersyaratanDokumen", id);
  } catch {
    throw slotNotFound();
  }
}

/** The editor's arguments as GraphQL delivers them (checked by the rules' schemas). */
export interface LayananEdit {
  input?: Record<string, unknown> | null;
  persyaratan?: readonly unknown[] | null;
  formFields?: readonly unknown[] | null;
}

/**
 * Checked in the order the form shows them, every problem in one answer; a slot's or field's problem is named
 * `persyaratan.<i>.<field>`.
 */
function parseEdit(ctx: Context, args: LayananEdit, creating: boolean) {
  const problems = new Problems();
  const input = args.input || creating ? (problems.parse(layananInput(creating), args.input ?? {}) ?? null) : null;
  const slots = problems.parse(z.object({ persyaratan: persyaratanInput(ctx.config.maxDocumentBytes).nullish() }), { persyaratan: args.persyaratan });
  const fields = problems.parse(z.object({ formFields: FORM_FIELDS.nullish() }), { formFields: args.formFields });
  problems.throwIfAny();
  return { input, persyaratan: slots!.persyaratan, formFields: fields!.formFields };
}

/** Adds a service with its Standar Pelayanan, document slots and form fields. */
export async function createLayanan(ctx: Context, query: LayananQuery, instansiId: string, args: LayananEdit) {
  assertCan(ctx, "layanan:kelola", { instansiId });
  const { input, persyaratan, formFields } = parseEdit(ctx, args, true);
  try {
    return await ctx.prisma.layanan.create({
      ...q(query),
      data: {
        ...(input as Prisma.LayananUncheckedCreateInput),
        instansiId,
        persyaratan: { create: (persyaratan ?? []).map(({ id: _id, ...s }) => s) },
        formFields: { create: formFields ?? [] },
      },
    });
  } catch (err) {
    throw isUniqueViolation(err) ? kodeTaken() : err;
  }
}

/**
 * Edits a service's Standar Pelayanan; `persyaratan` and `formFields`, when given, replace the current lists
 * (a slot sent with its id keeps it; a slot already used by a request cannot be removed).
 */
export async function updateLayanan(ctx: Context, query: LayananQuery, id: string, args: LayananEdit) {
  await layananToEdit(ctx, id);
  const { input, persyaratan: slots, formFields: fields } = parseEdit(ctx, args, false);
  try {
    await ctx.prisma.$transaction(async (tx) => {
      await tx.layanan.update({ where: { id }, data: input ?? {} });
      if (slots) {
        const keep = slots.map((s) => decodeSlotId(s.id)).filter((x): x is string => !!x);
        const removed = await tx.persyaratanDokumen.findMany({
          where: { layananId: id, id: { notIn: keep } },
          select: { id: true, label: true, _count: { select: { dokumen: true } } },
        });
        const used = removed.find((r) => r._count.dokumen > 0);
        if (used) {
          throw new ConflictError(
            "PERSYARATAN_IN_USE",
            `Persyaratan "${used.label}" sudah dipakai pada pengajuan; jadikan tidak wajib alih-alih menghapusnya.`,
            "persyaratan",
          );
        }
        await tx.persyaratanDokumen.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
        for (const s of slots) {
          const { id: sid, ...rest } = s;
          const existing = decodeSlotId(sid);
          if (existing) {
            const { count } = await tx.persyaratanDokumen.updateMany({ where: { id: existing, layananId: id }, data: rest });
            if (count === 0) throw slotNotFound();
          } else {
            await tx.persyaratanDokumen.create({ data: { ...rest, layananId: id } });
          }
        }
      }
      if (fields) {
        await tx.formField.deleteMany({ where: { layananId: id } });
        await tx.formField.createMany({ data: fields.map((f) => ({ ...f, layananId: id })) });
      }
    });
  } catch (err) {
    throw isUniqueViolation(err) ? kodeTaken() : err;
  }
  return ctx.prisma.layanan.findUniqueOrThrow({ ...q(query), where: { id } });
}

/** Attaches a template or example file to a document slot (shown to applicants); no file removes it. */
export async function setTemplatePersyaratan(ctx: Context, persyaratanId: string, file: File | null | undefined) {
  if (!can(ctx, "layanan:kelola", ANY)) throw forbidden();
  const slot = await ctx.prisma.persyaratanDokumen.findUnique({ where: { id: persyaratanId }, select: { id: true, layananId: true } });
  if (!slot) throw new NotFoundError("PERSYARATAN_NOT_FOUND", "Slot persyaratan tidak ditemukan.", "persyaratanId");
  await layananToEdit(ctx, slot.layananId);
  if (!file) return ctx.prisma.persyaratanDokumen.update({ where: { id: slot.id }, data: { templateFileId: null } });
  return withStoredFiles(ctx.storage, async (track) => {
    const up = await receiveUpload(file, { maxBytes: TEMPLATE_MAKS_BYTES, allowed: [...ALLOWED_MIME], tmpDir: ctx.storage.tmpDir, field: "file" });
    const key = await track(up);
    return ctx.prisma.$transaction(async (tx) => {
      const stored = await tx.storedFile.create({
        data: { sha256: up.sha256, ukuran: up.size, mime: up.mime, namaAsli: up.namaAsli, storageKey: key, uploaderId: ctx.viewer!.id },
      });
      return tx.persyaratanDokumen.update({ where: { id: slot.id }, data: { templateFileId: stored.id } });
    });
  });
}
