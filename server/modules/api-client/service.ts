import type { Context } from "../../context";
import type { ApiClient } from "../../generated/prisma/client";
import type { ApiScope } from "../../generated/prisma/enums";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { audit } from "../audit/service";
import { API_SCOPES, formatToken, hashSecret, newSecret, scopesGrantableBy } from "./rules";
import { maskPersonal } from "../audit/inputs";

const MAX_VALIDITY_MS = 5 * 366 * 24 * 3600_000;
const notFound = () => new NotFoundError("API_CLIENT_NOT_FOUND", "Klien API tidak ditemukan.", "id");

export interface NewApiClient {
  instansiId: string;
  nama: string;
  kontak: string;
  scopes: ApiScope[];
  berlakuSampai?: Date | null;
}

function parseNama(value: string) {
  const nama = value.trim();
  if (nama.length < 3 || nama.length > 100) throw new ValidationError("NAMA_INVALID", "Nama klien 3–100 karakter, misalnya \"SP4N-LAPOR! Kabupaten Madiun\".", "nama");
  return nama;
}

function parseKontak(value: string) {
  const kontak = value.trim();
  if (kontak.length < 5 || kontak.length > 300) throw new ValidationError("KONTAK_INVALID", "Kontak penanggung jawab integrasi 5–300 karakter (nama, email, telepon).", "kontak");
  return kontak;
}

/** The scopes asked for, in their canonical order; each must be one the caller may grant. */
function parseScopes(ctx: Pick<Context, "viewer">, value: readonly ApiScope[]) {
  const scopes = API_SCOPES.filter((s) => value.includes(s));
  if (scopes.length === 0) throw new ValidationError("SCOPES_REQUIRED", "Pilih paling sedikit satu cakupan akses.", "scopes");
  const grantable = scopesGrantableBy(ctx.viewer?.role ?? null);
  const refused = scopes.filter((s) => !grantable.includes(s));
  if (refused.length > 0) throw new ValidationError("SCOPE_NOT_GRANTABLE", `Anda tidak dapat memberikan cakupan ${refused.join(", ")}.`, "scopes");
  return scopes;
}

function parseBerlaku(value: Date | null, now: Date) {
  if (value && (value.getTime() <= now.getTime() || value.getTime() > now.getTime() + MAX_VALIDITY_MS)) {
    throw new ValidationError("BERLAKU_INVALID", "Masa berlaku harus di masa depan dan paling lama 5 tahun.", "berlakuSampai");
  }
  return value;
}

function parse(ctx: Pick<Context, "viewer">, input: NewApiClient, now: Date) {
  return {
    nama: parseNama(input.nama),
    kontak: parseKontak(input.kontak),
    scopes: parseScopes(ctx, input.scopes),
    berlakuSampai: parseBerlaku(input.berlakuSampai ?? null, now),
  };
}

/** Registers a client and returns its token: the only time the secret is shown. */
export async function createApiClient(ctx: Context, input: NewApiClient): Promise<{ client: ApiClient; token: string }> {
  const data = parse(ctx, input, new Date());
  const instansi = await ctx.prisma.instansi.findUnique({ where: { id: input.instansiId }, select: { aktif: true } });
  if (!instansi || !instansi.aktif) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
  const secret = newSecret();
  const client = await ctx.prisma.apiClient.create({
    data: { ...data, instansiId: input.instansiId, secretHash: hashSecret(secret), dibuatOlehId: ctx.viewer?.id ?? null },
  });
  return { client, token: formatToken(client.id, secret) };
}

/** A new secret; the old one stops working at once, on every instance. */
export async function rotateSecret(ctx: Context, id: string): Promise<{ client: ApiClient; token: string }> {
  const current = await ctx.prisma.apiClient.findUnique({ where: { id } });
  if (!current) throw notFound();
  if (current.dicabutAt) throw new InvalidStateError("API_CLIENT_REVOKED", "Klien API ini sudah dicabut; daftarkan klien baru.");
  const secret = newSecret();
  const { count } = await ctx.prisma.apiClient.updateMany({ where: { id, dicabutAt: null }, data: { secretHash: hashSecret(secret), secretDiputarAt: new Date() } });
  if (count === 0) throw new InvalidStateError("API_CLIENT_REVOKED", "Klien API ini sudah dicabut; daftarkan klien baru.");
  ctx.clients.invalidate(id);
  return { client: await ctx.prisma.apiClient.findUniqueOrThrow({ where: { id } }), token: formatToken(id, secret) };
}

/** Ends the client for good (its secret, its webhooks). Revoking twice changes nothing. */
export async function revoke(ctx: Context, id: string): Promise<ApiClient> {
  const current = await ctx.prisma.apiClient.findUnique({ where: { id } });
  if (!current) throw notFound();
  if (!current.dicabutAt) {
    await ctx.prisma.apiClient.updateMany({ where: { id, dicabutAt: null }, data: { dicabutAt: new Date() } });
  }
  ctx.clients.invalidate(id);
  return ctx.prisma.apiClient.findUniqueOrThrow({ where: { id } });
}

/** What an admin may change of a client after registering it; a field left out stays as it is. */
export interface ApiClientChanges {
  nama?: string | null;
  kontak?: string | null;
  scopes?: ApiScope[] | null;
  /** null: no expiry; undefined: unchanged */
  berlakuSampai?: Date | null;
}

const revoked = () => new InvalidStateError("API_CLIENT_REVOKED", "Klien API ini sudah dicabut; daftarkan klien baru.");

/**
 * Changes a client's name, contact, scopes or expiry (an expired client can be given a new expiry; a revoked one
 * stays revoked). The change and its audit entry (before and after) are one transaction; every instance forgets
 * the cached key at once, so the next request already has the new scopes.
 */
export async function updateApiClient(ctx: Context, id: string, changes: ApiClientChanges): Promise<ApiClient> {
  const now = new Date();
  const data: { nama?: string; kontak?: string; scopes?: ApiScope[]; berlakuSampai?: Date | null } = {};
  if (changes.nama != null) data.nama = parseNama(changes.nama);
  if (changes.kontak != null) data.kontak = parseKontak(changes.kontak);
  if (changes.scopes != null) data.scopes = parseScopes(ctx, changes.scopes);
  if (changes.berlakuSampai !== undefined) data.berlakuSampai = parseBerlaku(changes.berlakuSampai, now);
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.apiClient.findUnique({ where: { id } });
    if (!before) throw notFound();
    if (before.dicabutAt) throw revoked();
    const { count } = await tx.apiClient.updateMany({ where: { id, dicabutAt: null }, data });
    if (count === 0) throw revoked();
    const after = await tx.apiClient.findUniqueOrThrow({ where: { id } });
    // the contact is a person's name, email, phone: kept masked like a PERSONAL argument (audit/inputs.ts)
    const view = (c: ApiClient) => ({ nama: c.nama, kontak: maskPersonal(c.kontak), scopes: c.scopes, berlakuSampai: c.berlakuSampai?.toISOString() ?? null });
    await audit({ ...ctx, prisma: tx as unknown as Context["prisma"] }, {
      jenis: "UBAH",
      aksi: "ApiClient.ubah",
      objekJenis: "ApiClient",
      objekId: id,
      detail: { sebelum: view(before), sesudah: view(after) },
    });
    return after;
  });
  ctx.clients.invalidate(id);
  return updated;
}
