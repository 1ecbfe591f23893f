import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type PrismaTypes from "../generated/pothos-types";
import { getDatamodel } from "../generated/pothos-types";
import type { Context } from "../context";
import type { ApiScope, Role } from "../generated/prisma/enums";
import { forbidden, unauthenticated } from "../lib/errors";
import { clientHas } from "../lib/caller";
import { can, type Action } from "../policy";
import type { ANY, Resource } from "../lib/policy";
import { decodeGlobalIdOrNotFound } from "../lib/global-id";

export interface AuthScopes {
  /** anyone, including anonymous callers */
  public: boolean;
  /** a valid session, whatever the account's status (a pending account may watch its own activation) */
  authenticated: boolean;
  /** a valid session of an active account */
  active: boolean;
  /** an active account with one of these roles */
  role: Role[];
  /** ADMIN of this instansi, or SUPERADMIN */
  adminOf: string;
  /**
   * The caller may do `action` (server/policy.ts: the same check the services make) to `on`: an instansi (a list,
   * a desk), a case, or ANY (some resource: the first gate of a mutation by id, whose service checks the row).
   */
  can: { action: Action; on: Resource | typeof ANY };
  superadmin: boolean;
  /** any API client (another system), whatever its scopes */
  apiClient: boolean;
  /**
   * an API client holding the scope (or one of the scopes), for that instansi when `instansiId` is given.
   * For who works a desk, use `can` (the policy names the scopes of each desk).
   */
  apiScope: ApiScope | { scope: ApiScope | ApiScope[]; instansiId?: string | null };
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
}>({
  // Order matters: scope-auth wraps everything; errors before prisma.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    // a signed-in person or an API client is refused with FORBIDDEN; nobody at all with UNAUTHENTICATED
    unauthorizedError: (_parent, context) => (context.viewer || context.client ? forbidden() : unauthenticated()),
    authScopes: (ctx) => {
      const v = ctx.viewer;
      const active = !!v && v.status === "AKTIF";
      return {
        public: true,
        authenticated: !!v,
        active,
        superadmin: active && v!.role === "SUPERADMIN",
        role: (roles) => active && roles.includes(v!.role),
        adminOf: (instansiId) => active && (v!.role === "SUPERADMIN" || (v!.role === "ADMIN" && v!.instansiId === instansiId)),
        can: ({ action, on }) => can(ctx, action, on),
        // every scope above reads `viewer`, which is null for an API client: a client gets only what these grant
        apiClient: !!ctx.client,
        apiScope: (p) => (typeof p === "string" ? clientHas(ctx, p) : clientHas(ctx, p.scope, p.instansiId)),
      };
    },
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // mutations return the row their service wrote; relations asked for are then loaded in one batch
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // an ID that is not `Type:uuid` in base64 is NOT_FOUND, never a database error (all ids are UUIDs)
    decodeGlobalID: (globalID) => decodeGlobalIdOrNotFound(globalID),
    // node(id) and nodes(ids) answer null for such an ID: schema/node.ts
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.addScalarType(
  "DateTime",
  new GraphQLScalarType({
    name: "DateTime",
    description: "An instant as an ISO 8601 string in UTC, e.g. 2026-03-25T08:30:00.000Z",
    serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
    parseValue: (v) => parseInstant(v),
    parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseInstant(ast.value) : invalidScalar("DateTime")),
  }),
);

builder.addScalarType(
  "Date",
  new GraphQLScalarType({
    name: "Date",
    description: "A calendar date YYYY-MM-DD (no time zone)",
    serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
    parseValue: (v) => parseDate(v),
    parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDate(ast.value) : invalidScalar("Date")),
  }),
);

builder.addScalarType(
  "JSON",
  new GraphQLScalarType({ name: "JSON", description: "Arbitrary JSON", serialize: (v) => v, parseValue: (v) => v }),
);

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function invalidScalar(name: string): never {
  throw new GraphQLError(`Nilai ${name} tidak valid.`, { extensions: { code: "BAD_USER_INPUT" } });
}

function parseInstant(v: unknown): Date {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(v)) invalidScalar("DateTime");
  const d = new Date(v as string);
  if (Number.isNaN(d.getTime())) invalidScalar("DateTime");
  return d;
}

function parseDate(v: unknown): string {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) invalidScalar("Date");
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) invalidScalar("Date");
  return v as string;
}
