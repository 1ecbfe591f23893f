/**
 * Identity documents for the activation check (KTP, or KK for a minor; an ASN's SK): received like any uploaded
 * document (content-checked, size-limited, content-addressed through files/store.ts) and kept as personal data
 * that only the person and the admins who may activate them read (policy.ts mayReadBerkasIdentitas).
 */
import type { Context } from "../../context";
import type { IdentityType, JenisBerkasIdentitas } from "../../generated/prisma/enums";
import type { Prisma, User } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, ValidationError } from "../../lib/errors";
import { receiveUpload, withStoredFiles, type ReceivedUpload, type TrackFile, type UploadedFile } from "../files/store";
import { identityIndex, parseIdentity, protectIdentity, revealIdentity } from "../identity/protect";
import { BERKAS_IDENTITAS_JENIS_FILE, BERKAS_IDENTITAS_MAKS_BYTES, jenisBerkasUtama, tanggalLahirDari } from "../../shared/berkas-identitas";
import { kontakSchema } from "./rules";
import { parseInput } from "../../lib/validate";

type Tx = Prisma.TransactionClient;

/** The uploads of one registration or correction, by the input field that carried them. */
export interface BerkasUploads {
  fotoIdentitas?: UploadedFile | null;
  skAsn?: UploadedFile | null;
}

interface Received {
  jenis: JenisBerkasIdentitas;
  up: ReceivedUpload;
  key: string;
}

/** The main document a person of this identity shows (KTP, or KK under 17), as the message names it. */
export function berkasUtama(type: IdentityType, number: string): "KTP" | "KK" {
  return jenisBerkasUtama(type, number);
}

/** The photo a registration lacks (KTP, or KK under 17): register() reports it beside the form's other problems. */
export const fotoWajib = (jenis: "KTP" | "KK") =>
  new ValidationError(
    "FOTO_IDENTITAS_REQUIRED",
    jenis === "KK"
      ? "Unggah foto Kartu Keluarga (KK) yang memuat nama Anda; admin mencocokkannya dengan data pendaftaran."
      : "Unggah foto KTP Anda; admin mencocokkannya dengan data pendaftaran.",
    "fotoIdentitas",
  );

/**
 * Receives the uploads (content-checked) and stores them (tracked, so they are removed again if the caller's
 * transaction fails). `utama` is the kind the main photo is filed as.
 */
async function receiveAll(ctx: Context, track: TrackFile, uploads: BerkasUploads, type: IdentityType, utama: "KTP" | "KK"): Promise<Received[]> {
  if (uploads.skAsn && type !== "NIP") {
    throw new ValidationError("SK_ASN_ONLY_NIP", "SK pengangkatan hanya dilampirkan oleh pendaftar dengan NIP (ASN).", "skAsn");
  }
  const received: Received[] = [];
  const take = async (file: UploadedFile, jenis: JenisBerkasIdentitas, field: string) => {
    const up = await receiveUpload(file, { maxBytes: BERKAS_IDENTITAS_MAKS_BYTES, allowed: BERKAS_IDENTITAS_JENIS_FILE, tmpDir: ctx.storage.tmpDir, field });
    received.push({ jenis, up, key: await track(up) });
  };
  if (uploads.fotoIdentitas) await take(uploads.fotoIdentitas, utama, "fotoIdentitas");
  if (uploads.skAsn) await take(uploads.skAsn, "SK_ASN", "skAsn");
  return received;
}

/** Files the received uploads for `userId` in `tx`; an earlier document of the same kind becomes history. */
async function fileAll(tx: Tx, userId: string, received: Received[]) {
  for (const { jenis, up, key } of received) {
    const stored = await tx.storedFile.create({
      data: { sha256: up.sha256, ukuran: up.size, mime: up.mime, namaAsli: up.namaAsli, storageKey: key, uploaderId: userId },
    });
    await tx.berkasIdentitas.updateMany({ where: { userId, jenis, diganti: false }, data: { diganti: true } });
    await tx.berkasIdentitas.create({ data: { userId, jenis, fileId: stored.id } });
  }
}

/**
 * Registration with its documents: the main photo is required; the uploads are checked and stored before
 * `create` runs its transaction, and `create` files them in that same transaction (nothing half-registered).
 */
export async function withRegistrationUploads<T>(
  ctx: Context,
  type: IdentityType,
  number: string,
  uploads: BerkasUploads,
  create: (fileThem: (tx: Tx, userId: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const utama = berkasUtama(type, number);
  if (!uploads.fotoIdentitas) throw fotoWajib(utama);
  return withStoredFiles(ctx.storage, async (track) => {
    const received = await receiveAll(ctx, track, uploads, type, utama);
    return create((tx, userId) => fileAll(tx, userId, received));
  });
}

export interface PerbaikanInput extends BerkasUploads {
  namaLengkap?: string | null;
  nomorIdentitas?: string | null;
}

/**
 * The person corrects a registration still waiting or refused (new photo, name, NIK/NIP) and asks for the
 * activation again: a refused one goes back to MENUNGGU_AKTIVASI, the reason is cleared, admins see it again.
 */
export async function perbaikiPendaftaran(ctx: Context, input: PerbaikanInput): Promise<User> {
  const v = ctx.viewer!;
  const current = await ctx.prisma.user.findUniqueOrThrow({ where: { id: v.id } });
  if (current.status !== "MENUNGGU_AKTIVASI" && current.status !== "DITOLAK") {
    throw new InvalidStateError("INVALID_ACCOUNT_STATE", "Pendaftaran hanya dapat diperbaiki selama akun menunggu aktivasi atau setelah ditolak.");
  }
  const type = current.identityType;
  const oldNumber = revealIdentity(ctx.keys, current);
  const number = input.nomorIdentitas?.trim() ? parseIdentity(type, input.nomorIdentitas) : oldNumber;
  const namaLengkap = input.namaLengkap?.trim()
    ? parseInput(kontakSchema.pick({ namaLengkap: true }), { namaLengkap: input.namaLengkap }).namaLengkap
    : current.namaLengkap;
  const numberChanged = number !== oldNumber;
  const duplicate = () =>
    new ConflictError("IDENTITY_TAKEN", `${type} ini sudah terdaftar pada akun lain. Periksa kembali ${type} Anda atau hubungi kantor.`, "nomorIdentitas");
  if (numberChanged && (await ctx.prisma.user.findUnique({ where: { identityIndex: identityIndex(ctx.keys, type, number) }, select: { id: true } }))) {
    throw duplicate();
  }
  const utama = berkasUtama(type, number);
  const resubmit = current.status === "DITOLAK";
  try {
    const user = await withStoredFiles(ctx.storage, async (track) => {
      const received = await receiveAll(ctx, track, input, type, utama);
      return ctx.prisma.$transaction(async (tx) => {
        await fileAll(tx, current.id, received);
        if (!(await tx.berkasIdentitas.findFirst({ where: { userId: current.id, jenis: { in: ["KTP", "KK"] }, diganti: false }, select: { id: true } }))) {
          throw fotoWajib(utama);
        }
        // conditional on the status read: an admin acting at the same moment wins, this asks to reload
        const { count } = await tx.user.updateMany({
          where: { id: current.id, status: current.status },
          data: {
            namaLengkap,
            ...(numberChanged ? protectIdentity(ctx.keys, current.id, type, number) : {}),
            ...(resubmit ? { status: "MENUNGGU_AKTIVASI", statusReason: null, statusReasonCode: null } : {}),
          },
        });
        if (count === 0) throw new ConflictError("STALE_STATE", "Status akun Anda baru saja berubah. Muat ulang halaman ini.");
        if (resubmit) await tx.accountAction.create({ data: { userId: current.id, actorId: current.id, kind: "AJUKAN_ULANG" } });
        return tx.user.findUniqueOrThrow({ where: { id: current.id } });
      });
    });
    ctx.sessions.invalidateUser(user.id);
    if (resubmit) ctx.pubsub.publish("account:status", user.id, { userId: user.id, status: user.status, reason: null, at: new Date().toISOString() });
    return user;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw duplicate();
    throw err;
  }
}

/** The birth date the identity number carries, for the admin to compare with the document. */
export function tanggalLahir(ctx: Pick<Context, "keys">, user: User): string | null {
  return tanggalLahirDari(user.identityType, revealIdentity(ctx.keys, user));
}

/** What the admin compares with (KTP/KK), from the identity number. */
export function berkasDiharapkan(ctx: Pick<Context, "keys">, user: User): "KTP" | "KK" {
  return berkasUtama(user.identityType, revealIdentity(ctx.keys, user));
}
