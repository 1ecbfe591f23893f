import { GraphQLError, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import { clientLabel } from "../../lib/caller";
import { redactValues, requestSecrets } from "../../lib/redact";
import { q } from "../../lib/query";
import { ANY, assertCan } from "../../policy";
import { recordArguments, rootFieldNames, selectedOperation, sensitiveValues } from "./inputs";

export interface AuditEntry {
  jenis: "BACA_DATA_PRIBADI" | "UBAH";
  aksi: string;
  objekJenis?: string | null;
  objekId?: string | null;
  subjekId?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** What plugin-prisma asks of AuditLog rows (fields selected; for a connection its page). */
export type AuditLogQuery = Pick<Prisma.AuditLogFindManyArgs, "select" | "cursor" | "take" | "skip">;

/** The trail, newest first, narrowed to a kind, an actor or a subject. */
export function listAuditLog(
  ctx: Context,
  query: AuditLogQuery,
  filter: { jenis?: AuditEntry["jenis"] | null; aktorId?: string | null; subjekId?: string | null },
) {
  assertCan(ctx, "audit:lihatDaftar", ANY);
  return ctx.prisma.auditLog.findMany({
    ...q(query),
    where: {
      ...(filter.jenis ? { jenis: filter.jenis } : {}),
      ...(filter.aktorId ? { aktorId: filter.aktorId } : {}),
      ...(filter.subjekId ? { subjekId: filter.subjekId } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
}

/** Every read of the signed-in person's data by someone else, newest first (their right to know who looked). */
export function myDataReads(ctx: Context, query: AuditLogQuery) {
  return ctx.prisma.auditLog.findMany({
    ...q(query),
    where: { subjekId: ctx.viewer!.id, jenis: "BACA_DATA_PRIBADI" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
}

/** Writes one entry (who, which client, what, when, from where). Append-only at the database level. */
type AuditCtx = Pick<Context, "prisma" | "viewer" | "request"> & { client?: Context["client"] };

/** The role recorded for a request of an API client (there is no person). */
export const PERAN_KLIEN_API = "KLIEN_API";

function auditRow(ctx: AuditCtx, e: AuditEntry): Prisma.AuditLogCreateManyInput {
  return {
    jenis: e.jenis,
    aksi: e.aksi,
    objekJenis: e.objekJenis ?? null,
    objekId: e.objekId ?? null,
    subjekId: e.subjekId ?? null,
    aktorId: ctx.viewer?.id ?? null,
    aktorPeran: ctx.viewer?.role ?? (ctx.client ? PERAN_KLIEN_API : null),
    // which client: the API client (id and name) for another system, else how the session came (cookie: a browser)
    klien: ctx.client ? clientLabel(ctx.client) : ctx.request.via,
    alamatIp: ctx.request.ip,
    perangkat: ctx.request.userAgent.slice(0, 300),
    ...(e.detail !== undefined ? { detail: e.detail } : {}),
  };
}

export async function audit(ctx: AuditCtx, e: AuditEntry): Promise<void> {
  await ctx.prisma.auditLog.create({ data: auditRow(ctx, e) });
}

/**
 * Group commit for the entries of requests that are finishing (not for writes inside a transaction): entries
 * that arrive while a write is under way go together in the next one, so a burst of mutations costs a few
 * INSERTs instead of one each. Each caller still waits until its own entry is stored.
 */
class AuditBatcher {
  private queue: Array<{ row: Prisma.AuditLogCreateManyInput; done: (err?: unknown) => void }> = [];
  private running = false;

  constructor(private readonly prisma: Context["prisma"]) {}

  write(row: Prisma.AuditLogCreateManyInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.running) {
        this.running = true;
        // after the work already queued in this turn (e.g. the live events of the change being audited)
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 500);
      try {
        // one entry (the usual case at a steady pace) as a create: Prisma reuses its compiled plan, which it
        // does not for createMany
        if (batch.length === 1) await this.prisma.auditLog.create({ data: batch[0]!.row, select: { id: true } });
        else await this.prisma.auditLog.createMany({ data: batch.map((b) => b.row) });
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    this.running = false;
  }
}

const batchers = new WeakMap<object, AuditBatcher>();

function batched(ctx: AuditCtx, e: AuditEntry): Promise<void> {
  let b = batchers.get(ctx.prisma);
  if (!b) batchers.set(ctx.prisma, (b = new AuditBatcher(ctx.prisma)));
  return b.write(auditRow(ctx, e));
}

/** A read of someone else's personal data: logged before the value is returned. */
export async function auditRead(ctx: AuditCtx, aksi: string, subjekId: string | null, objek?: { jenis: string; id: string }) {
  if (!subjekId || ctx.viewer?.id === subjekId) return; // reading your own data is not an access to log
  (ctx as { auditedRead?: boolean }).auditedRead = true;
  await audit(ctx, { jenis: "BACA_DATA_PRIBADI", aksi, subjekId, objekJenis: objek?.jenis ?? null, objekId: objek?.id ?? null });
}

/**
 * Every mutation that ran is recorded with its root fields, its arguments as the schema declares they may be
 * kept (server/modules/audit/inputs.ts: secrets never, identity numbers as blind index and masked form,
 * personal data masked, undeclared free text not at all), its outcome and error codes, whatever the outcome:
 * failed attempts at a state change are part of the trail too. Literal values in the query text are read
 * like variables; the query text itself is not stored.
 */
export function useMutationAudit(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const op = selectedOperation(document, args.operationName);
      if (op?.operation !== "mutation") return;
      const fields = rootFieldNames(document, op);
      const ctx = args.contextValue as Context;
      // read now, before anything can change the variables object
      let argumen: Record<string, unknown>;
      try {
        argumen = recordArguments(args.schema, document, op, args.variableValues, ctx.keys);
      } catch {
        argumen = {};
      }
      return {
        async onExecuteDone({ result }) {
          const errors = "errors" in result && Array.isArray(result.errors) ? result.errors.map((e) => e.extensions?.code ?? "ERROR") : [];
          const data = "data" in result ? (result.data as Record<string, { __typename?: string } | null> | null) : null;
          // by response key: an aliased field (`masuk: login`) is found under its alias
          const outcome = Object.fromEntries(fields.map((f) => [f.key, data?.[f.key]?.__typename ?? (data?.[f.key] === null ? null : "ok")]));
          await batched(ctx, {
            jenis: "UBAH",
            aksi: fields.map((f) => `Mutation.${f.name}`).join(","),
            detail: { argumen, hasil: outcome, galat: errors } as Prisma.InputJsonValue,
          }).catch(() => {});
        },
      };
    },
  };
}

/**
 * Keeps the declared SECRET, IDENTIFIER and PERSONAL values of an operation (variables and literals) out of
 * the logs and out of error messages: they are known to the logger for the execution (requestSecrets), and
 * replaced in every error of the result, and in the original error the error formatter logs.
 */
export function useSensitiveScrub(): Plugin<Context> {
  return {
    onExecute({ args }) {
      let values: Set<string>;
      try {
        values = sensitiveValues(args.schema, args.document as DocumentNode, args.variableValues);
      } catch {
        return;
      }
      if (values.size === 0) return;
      // for the rest of this execution (resolvers, the error formatter): the logger reads it
      requestSecrets.enterWith(values);
      return {
        onExecuteDone({ result, setResult }) {
          if (!("errors" in result) || !Array.isArray(result.errors) || result.errors.length === 0) return;
          const errors = result.errors.map((e) => scrubError(e, values));
          setResult({ ...result, errors });
        },
      };
    },
  };
}

function scrubError(error: GraphQLError, values: Set<string>): GraphQLError {
  const original = error.originalError as (Error & { stack?: string }) | undefined;
  if (original && !(original instanceof GraphQLError)) {
    // the formatter logs the original error: it must not carry the values either
    try {
      original.message = redactValues(original.message, values);
      if (original.stack) original.stack = redactValues(original.stack, values);
    } catch {
      // a frozen error: the logger's own redaction still applies
    }
  }
  const message = redactValues(error.message, values);
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: original,
    extensions: error.extensions,
  });
}
