import { builder } from "../../schema/builder";
import { personal, safe } from "../../schema/sensitivity";
import type { ApiClient } from "../../generated/prisma/client";
import { ANY } from "../../policy";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { callerInstansiId } from "../../lib/caller";
import { InstansiRef } from "../instansi/types";
import { API_SCOPES, API_SCOPE_LABEL, clientUsable } from "./rules";
import * as service from "./service";

export const ApiScopeEnum = builder.enumType("ApiScope", {
  description: "What an API client may do",
  values: Object.fromEntries(API_SCOPES.map((s) => [s, { description: API_SCOPE_LABEL[s] }])) as Record<(typeof API_SCOPES)[number], { description: string }>,
});

export const ApiClientRef = builder.prismaNode("ApiClient", {
  id: { field: "id" },
  description: "Another system's access to the API. Visible to the admins of its instansi, SUPERADMIN, and the client itself; the secret never is.",
  authScopes: (c) => ({ can: { action: "klienApi:lihat", on: { instansiId: c.instansiId, klienId: c.id } } }),
  fields: (t) => ({
    clientId: t.exposeString("id", { description: "The public client id, as in the token lkc_<clientId>.<secret>" }),
    nama: t.exposeString("nama"),
    kontak: t.exposeString("kontak"),
    instansi: t.relation("instansi"),
    scopes: t.expose("scopes", { type: [ApiScopeEnum] }),
    berlakuSampai: t.expose("berlakuSampai", { type: "DateTime", nullable: true, description: "Expiry (null: none)" }),
    dicabutAt: t.expose("dicabutAt", { type: "DateTime", nullable: true, description: "When it was revoked" }),
    aktif: t.boolean({ description: "Not revoked and not expired", resolve: (c) => clientUsable(c, new Date()) }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Last request (updated at most once a minute)" }),
    secretDiputarAt: t.expose("secretDiputarAt", { type: "DateTime", description: "When the current secret was issued" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const ApiClientKey = builder.objectRef<{ client: ApiClient; token: string }>("ApiClientKey").implement({
  description: "A client with its token. The token is shown only here, once: store it in the other system's secret store.",
  fields: (t) => ({
    client: t.field({ type: ApiClientRef, resolve: (k) => k.client }),
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`" }),
  }),
});

builder.queryFields((t) => ({
  apiClients: t.prismaField({
    type: ["ApiClient"],
    description: "The API clients of an instansi (default: the admin's own; SUPERADMIN without instansiId: all), with when each was last used",
    authScopes: (_r, args, ctx) => ({
      can: { action: "klienApi:lihatDaftar", on: { instansiId: String(args.instansiId?.id ?? callerInstansiId(ctx) ?? "") } },
    }),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    resolve: (query, _r, args, ctx) => service.listApiClients(ctx, query, args.instansiId ? String(args.instansiId.id) : (ctx.viewer?.instansiId ?? null)),
  }),
  currentApiClient: t.prismaField({
    type: "ApiClient",
    description: "For an API client: itself (name, instansi, scopes, expiry)",
    authScopes: { apiClient: true },
    resolve: (query, _r, _a, ctx) => service.currentApiClient(ctx, query),
  }),
}));

builder.mutationFields((t) => ({
  createApiClient: t.field({
    type: ApiClientKey,
    description: "Register another system's access for an instansi (its ADMIN, or SUPERADMIN). The token in the answer is shown only once.",
    authScopes: (_r, args) => ({ can: { action: "klienApi:kelola", on: { instansiId: String(args.instansiId.id) } } }),
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      nama: t.arg.string({ required: true, ...safe }),
      kontak: t.arg.string({ required: true, ...personal, description: "Who runs the other system: name, email, phone" }),
      scopes: t.arg({ type: [ApiScopeEnum], required: true }),
      berlakuSampai: t.arg({ type: "DateTime", required: false, description: "Expiry, at most 5 years ahead (null: none)" }),
    },
    resolve: (_r, args, ctx) =>
      service.createApiClient(ctx, {
        instansiId: String(args.instansiId.id),
        nama: args.nama,
        kontak: args.kontak,
        scopes: args.scopes,
        berlakuSampai: args.berlakuSampai ?? null,
      }),
  }),
  updateApiClient: t.prismaField({
    type: "ApiClient",
    description:
      "Change a client's name, contact, scopes or expiry (its instansi's ADMIN, or SUPERADMIN; only scopes the caller may grant). Fields left out stay; berlakuSampai: null removes the expiry. Takes effect at once, on every instance, and is recorded in the audit trail with the values before and after.",
    authScopes: { can: { action: "klienApi:kelola", on: ANY } },
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: {
      id: t.arg.globalID({ required: true, for: ApiClientRef }),
      nama: t.arg.string({ required: false, ...safe }),
      kontak: t.arg.string({ required: false, ...personal }),
      scopes: t.arg({ type: [ApiScopeEnum], required: false }),
      berlakuSampai: t.arg({ type: "DateTime", required: false, description: "New expiry, at most 5 years ahead; null: none; left out: unchanged" }),
    },
    resolve: async (query, _r, args, ctx) => {
      const c = await service.updateApiClient(ctx, String(args.id.id), {
        nama: args.nama,
        kontak: args.kontak,
        scopes: args.scopes,
        // GraphQL tells an explicit null (remove the expiry) from an argument left out (keep it)
        berlakuSampai: "berlakuSampai" in args ? (args.berlakuSampai ?? null) : undefined,
      });
      return service.apiClientById(ctx, query, c.id);
    },
  }),
  rotateApiClientSecret: t.field({
    type: ApiClientKey,
    description: "Issue a new secret (shown once); the old one stops working at once",
    authScopes: { can: { action: "klienApi:kelola", on: ANY } },
    errors: { types: [NotFoundError, InvalidStateError] },
    args: { id: t.arg.globalID({ required: true, for: ApiClientRef }) },
    resolve: (_r, args, ctx) => service.rotateSecret(ctx, String(args.id.id)),
  }),
  revokeApiClient: t.prismaField({
    type: "ApiClient",
    description: "Revoke a client for good: its token and webhooks stop at once",
    authScopes: { can: { action: "klienApi:kelola", on: ANY } },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: ApiClientRef }) },
    resolve: async (query, _r, args, ctx) => {
      const c = await service.revoke(ctx, String(args.id.id));
      return service.apiClientById(ctx, query, c.id);
    },
  }),
}));
