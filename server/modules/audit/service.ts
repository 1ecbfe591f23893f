import { Kind, type DocumentNode, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import { clientLabel } from "../../lib/caller";

export interface AuditEntry {
  jenis: "BACA_DATA_PRIBADI" | "UBAH";
  aksi: string;
  objekJenis?: string | null;
  objekId?: string | null;
  subjekId?: string | null;
  detail?: Prisma.InputJsonValue;
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

const SECRET = /password|sandi|token|secret/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || value === undefined) return value ?? null;
  if (typeof value === "object" && typeof (value as { stream?: unknown }).stream === "function") return "[berkas]";
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET.test(k) ? "[disembunyikan]" : redact(v, depth + 1)]));
  }
  return typeof value === "string" && value.length > 500 ? `${value.slice(0, 500)}…` : value;
}

/**
 * Every mutation that ran is recorded with its root fields and (redacted) variables, whatever the outcome:
 * failed attempts at a state change are part of the trail too.
 */
export function useMutationAudit(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const op = (args.document as DocumentNode).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!op || op.operation !== "mutation") return;
      const fields = op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).map((s) => (s as { name: { value: string } }).name.value);
      const ctx = args.contextValue as Context;
      return {
        async onExecuteDone({ result }) {
          const errors = "errors" in result && Array.isArray(result.errors) ? result.errors.map((e) => e.extensions?.code ?? "ERROR") : [];
          const data = "data" in result ? (result.data as Record<string, { __typename?: string } | null> | null) : null;
          const outcome = Object.fromEntries(fields.map((f) => [f, data?.[f]?.__typename ?? (data?.[f] === null ? null : "ok")]));
          await batched(ctx, {
            jenis: "UBAH",
            aksi: fields.map((f) => `Mutation.${f}`).join(","),
            detail: redact({ variabel: args.variableValues ?? {}, hasil: outcome, galat: errors }) as Prisma.InputJsonValue,
          }).catch(() => {});
        },
      };
    },
  };
}
