import type { Context } from "../../context";
import type { ApiClient } from "../../generated/prisma/client";
import type { ApiScope } from "../../generated/prisma/enums";
import type { Prisma } from "../../generated/prisma/client";
import { InvalidStateError, NotFoundError } from "../../lib/errors";
import { audit } from "../audit/service";
import { q } from "../../lib/query";
import { parseInput } from "../../lib/validate";
import { assertCan } from "../../policy";
import { apiClientSchema, formatToken, hashSecret, newSecret } from "./rules";
import { scopesGrantableBy } from "./policy";
import { maskPersonal } from "../audit/inputs";

const revoked = () => new InvalidStateError("API_CLIENT_REVOKED", "Klien API ini sudah dicabut; daftarkan klien baru.");
const notFound = () => new NotFoundError("API_CLIENT_NOT_FOUND", "Klien API tidak ditemukan.", "id");

/** What plugin-prisma asks of an ApiClient row. */
export type ApiClientQuery = { include?: Prisma.ApiClientInclude; select?: Prisma.ApiClientSelect };

export interface NewApiClient {
  instansiId: string;
  nama: string;
  kontak: string;
  scopes: ApiScope[];
  berlakuSampai?: Date | null;
}

/** The clients of an instansi (SUPERADMIN without one: all). */
export function listApiClients(ctx: Context, query: ApiClientQuery, instansiId: string | null) {
  assertCan(ctx, "klienApi:lihatDaftar", { instansiId: instansiId ?? "" });
  return ctx.prisma.apiClient.findMany({ ...q(query), where: instansiId ? { instansiId } : {}, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** For an API client: its own row. */
export function currentApiClient(ctx: Context, query: ApiClientQuery) {
  return ctx.prisma.apiClient.findUniqueOrThrow({ ...q(query), where: { id: ctx.client!.id } });
}

/** One client, as plugin-prisma asks for it (after a change the caller was allowed to make). */
export function apiClientById(ctx: Context, query: ApiClientQuery, id: string) {
  return ctx.prisma.apiClient.findUniqueOrThrow({ ...q(query), where: { id } });
}

/**
 * May the caller manage this client? Checked on its instansi before anything else is said about it: an unknown
 * id is refused like another instansi's client (SUPERADMIN, who may manage every client, then learns it is not found).
 */
async function assertManages(ctx: Context, id: string): Promise<string> {
  const c = await ctx.prisma.apiClient.findUnique({ where: { id }, select: { instansiId: true } });
  const instansiId = c?.instansiId ?? "";
  assertCan(ctx, "klienApi:kelola", { instansiId });
  return instansiId;
}

/** Registers a client and returns its token: the only time the secret is shown. */
export async function createApiClient(ctx: Context, input: NewApiClient): Promise<{ client: ApiClient; token: string }> {
  assertCan(ctx, "klienApi:kelola", { instansiId: input.instansiId });
  const data = parseInput(apiClientSchema(scopesGrantableBy(ctx, input.instansiId), new Date()), { ...input, berlakuSampai: input.berlakuSampai ?? null });
  const instansi = await ctx.prisma.instansi.findUnique({ where: { id: input.instansiId }, select: { aktif: true } });
  if (!instansi?.aktif) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
  const secret = newSecret();
  const client = await ctx.prisma.apiClient.create({
    data: { ...data, instansiId: input.instansiId, secretHash: hashSecret(secret), dibuatOlehId: ctx.viewer?.id ?? null },
  });
  return { client, token: formatToken(client.id, secret) };
}

/** A new secret; the old one stops working at once, on every instance. */
export async function rotateSecret(ctx: Context, id: string): Promise<{ client: ApiClient; token: string }> {
  await assertManages(ctx, id);
  const current = await ctx.prisma.apiClient.findUnique({ where: { id } });
  if (!current) throw notFound();
  if (current.dicabutAt) throw revoked();
  const secret = newSecret();
  const { count } = await ctx.prisma.apiClient.updateMany({
    where: { id, dicabutAt: null },
    data: { secretHash: hashSecret(secret), secretDiputarAt: new Date() },
  });
  if (count === 0) throw revoked();
  ctx.clients.invalidate(id);
  return { client: await ctx.prisma.apiClient.findUniqueOrThrow({ where: { id } }), token: formatToken(id, secret) };
}

/** Ends the client for good (its secret, its webhooks). Revoking twice changes nothing. */
export async function revoke(ctx: Context, id: string): Promise<ApiClient> {
  await assertManages(ctx, id);
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

/**
 * Changes a client's name, contact, scopes or expiry (an expired client can be given a new expiry; a revoked one
 * stays revoked). The change and its audit entry (before and after) are one transaction; every instance forgets
 * the cached key at once, so the next request already has the new scopes.
 */
export async function updateApiClient(ctx: Context, id: string, changes: ApiClientChanges): Promise<ApiClient> {
  const instansiId = await assertManages(ctx, id);
  // a field left out (or null, but for the expiry, where null removes it) stays as it is
  const given = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && (v !== null || k === "berlakuSampai")));
  const data = parseInput(apiClientSchema(scopesGrantableBy(ctx, instansiId), new Date()).partial(), given);
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.apiClient.findUnique({ where: { id } });
    if (!before) throw notFound();
    if (before.dicabutAt) throw revoked();
    const { count } = await tx.apiClient.updateMany({ where: { id, dicabutAt: null }, data });
    if (count === 0) throw revoked();
    const after = await tx.apiClient.findUniqueOrThrow({ where: { id } });
    // the contact is a person's name, email, phone: kept masked like a PERSONAL argument (audit/inputs.ts)
    const view = (c: ApiClient) => ({ nama: c.nama, kontak: maskPersonal(c.kontak), scopes: c.scopes, berlakuSampai: c.berlakuSampai?.toISOString() ?? null });
    await audit(
      { ...ctx, prisma: tx as unknown as Context["prisma"] },
      {
        jenis: "UBAH",
        aksi: "ApiClient.ubah",
        objekJenis: "ApiClient",
        objekId: id,
        detail: { sebelum: view(before), sesudah: view(after) },
      },
    );
    return after;
  });
  ctx.clients.invalidate(id);
  return updated;
}
