import type { Context } from "../context";
import type { ApiScope } from "../generated/prisma/enums";

/** The instansi a request acts for when it names none: the staff member's, or the API client's. */
export function callerInstansiId(ctx: Pick<Context, "viewer" | "client">): string | null {
  return ctx.viewer?.instansiId ?? ctx.client?.instansiId ?? null;
}

/** Whether the request comes from an API client holding one of `scopes`, for `instansiId` when given. */
export function clientHas(ctx: Pick<Context, "client">, scopes: ApiScope | readonly ApiScope[], instansiId?: string | null): boolean {
  const c = ctx.client;
  if (!c) return false;
  const wanted: readonly ApiScope[] = typeof scopes === "string" ? [scopes] : scopes;
  if (!wanted.some((s) => c.scopes.includes(s))) return false;
  return instansiId === undefined || instansiId === c.instansiId;
}

/** For audit entries and logs: who the API client is, readable and searchable by id. */
export function clientLabel(c: { id: string; nama: string }): string {
  return `api:${c.id} (${c.nama})`;
}

/** Who acted, for a case's history: the person, or the API client when another system did. */
export function actorIds(ctx: Pick<Context, "viewer" | "client">): { aktorId: string | null; klienId: string | null } {
  return { aktorId: ctx.viewer?.id ?? null, klienId: ctx.viewer ? null : (ctx.client?.id ?? null) };
}
