import type { Context } from "../../context";
import type { ApiClient } from "../../generated/prisma/client";
import type { ApiScope } from "../../generated/prisma/enums";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { API_SCOPES, formatToken, hashSecret, newSecret } from "./rules";

const MAX_VALIDITY_MS = 5 * 366 * 24 * 3600_000;
const notFound = () => new NotFoundError("API_CLIENT_NOT_FOUND", "Klien API tidak ditemukan.", "id");

export interface NewApiClient {
  instansiId: string;
  nama: string;
  kontak: string;
  scopes: ApiScope[];
  berlakuSampai?: Date | null;
}

function parse(input: NewApiClient, now: Date) {
  const nama = input.nama.trim();
  if (nama.length < 3 || nama.length > 100) throw new ValidationError("NAMA_INVALID", "Nama klien 3–100 karakter, misalnya \"SP4N-LAPOR! Kabupaten Madiun\".", "nama");
  const kontak = input.kontak.trim();
  if (kontak.length < 5 || kontak.length > 300) throw new ValidationError("KONTAK_INVALID", "Kontak penanggung jawab integrasi 5–300 karakter (nama, email, telepon).", "kontak");
  const scopes = API_SCOPES.filter((s) => input.scopes.includes(s));
  if (scopes.length === 0) throw new ValidationError("SCOPES_REQUIRED", "Pilih paling sedikit satu cakupan akses.", "scopes");
  const berlakuSampai = input.berlakuSampai ?? null;
  if (berlakuSampai && (berlakuSampai.getTime() <= now.getTime() || berlakuSampai.getTime() > now.getTime() + MAX_VALIDITY_MS)) {
    throw new ValidationError("BERLAKU_INVALID", "Masa berlaku harus di masa depan dan paling lama 5 tahun.", "berlakuSampai");
  }
  return { nama, kontak, scopes, berlakuSampai };
}

/** Registers a client and returns its token: the only time the secret is shown. */
export async function createApiClient(ctx: Context, input: NewApiClient): Promise<{ client: ApiClient; token: string }> {
  const data = parse(input, new Date());
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
