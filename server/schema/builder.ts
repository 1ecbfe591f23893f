import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError, GraphQLScalarType } from "graphql";
import { DateResolver, DateTimeISOResolver, JSONResolver, LocalDateResolver } from "graphql-scalars";
import type PrismaTypes from "../generated/pothos-types";
import { getDatamodel } from "../generated/pothos-types";
import type { Context } from "../context";
import type { ApiScope } from "../generated/prisma/enums";
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
  /**
   * The caller may do `action` (server/policy.ts: the same check the services make) to `on`: an instansi (a list,
   * a desk), a case, or ANY (some resource: the first gate of a mutation by id, whose service checks the row).
   */
  can: { action: Action; on: Resource | typeof ANY };
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

// The scalars are graphql-scalars', under our names and descriptions (so schema.graphql keeps them):
// - DateTime is DateTimeISO: RFC 3339 in (an instant needs its offset), and out always the UTC string with
//   milliseconds ("2026-03-25T08:30:00.000Z"); plain DateTime would hand a Date object on and leave the format
//   to whoever serialises the result.
// - Date reads like LocalDate (a "YYYY-MM-DD" string that is a real calendar day, passed on as the string) and
//   writes like Date (a @db.Date column's Date as its UTC day).
// - A value they refuse is answered with our code and message (BAD_USER_INPUT, "Nilai Date tidak valid."), which
//   clients show and tests read, rather than the library's English message without a code.
builder.addScalarType("DateTime", ours("DateTime", "An instant as an ISO 8601 string in UTC, e.g. 2026-03-25T08:30:00.000Z", DateTimeISOResolver));
builder.addScalarType("Date", ours("Date", "A calendar date YYYY-MM-DD (no time zone)", LocalDateResolver, DateResolver));
builder.addScalarType("JSON", ours("JSON", "Arbitrary JSON", JSONResolver));

/** `input`'s parsing and `output`'s serialising under `name`, refusing with our error. */
function ours(name: string, description: string, input: GraphQLScalarType, output: GraphQLScalarType = input): GraphQLScalarType {
  const refuse =
    <A extends unknown[], R>(parse: (...a: A) => R) =>
    (...a: A): R => {
      try {
        return parse(...a);
      } catch {
        return invalidScalar(name);
      }
    };
  return new GraphQLScalarType({
    name,
    description,
    serialize: output.serialize,
    parseValue: refuse(input.parseValue),
    parseLiteral: refuse(input.parseLiteral),
  });
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function invalidScalar(name: string): never {
  throw new GraphQLError(`Nilai ${name} tidak valid.`, { extensions: { code: "BAD_USER_INPUT" } });
}
