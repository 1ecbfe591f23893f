import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { ANY } from "../../policy";
import * as service from "./service";

const AuditJenisEnum = builder.enumType("AuditJenis", {
  values: { BACA_DATA_PRIBADI: { description: "someone read another person's personal data" }, UBAH: { description: "a state-changing action" } } as const,
});

export const AuditLogRef = builder.prismaNode("AuditLog", {
  id: { field: "id" },
  description: "One entry of the append-only audit trail (SUPERADMIN; also through node(id))",
  authScopes: { can: { action: "audit:lihat", on: ANY } },
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    jenis: t.expose("jenis", { type: AuditJenisEnum }),
    aksi: t.exposeString("aksi"),
    aktorPeran: t.exposeString("aktorPeran", { nullable: true }),
    aktorId: t.exposeString("aktorId", { nullable: true }),
    klien: t.exposeString("klien", { nullable: true }),
    objekJenis: t.exposeString("objekJenis", { nullable: true }),
    objekId: t.exposeString("objekId", { nullable: true }),
    alamatIp: t.exposeString("alamatIp"),
    perangkat: t.exposeString("perangkat"),
    detail: t.expose("detail", { type: "JSON", nullable: true }),
  }),
});

const AksesRef = builder.prismaObject("AuditLog", {
  variant: "AksesDataSaya",
  description: "Someone read my personal data: when, which role, what (names of officers are not shown)",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    aksi: t.exposeString("aksi"),
    aktorPeran: t.exposeString("aktorPeran", { nullable: true }),
    objekJenis: t.exposeString("objekJenis", { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.prismaConnection({
    type: "AuditLog",
    cursor: "id",
    description: "The audit trail, newest first (SUPERADMIN)",
    authScopes: { can: { action: "audit:lihatDaftar", on: ANY } },
    args: {
      jenis: t.arg({ type: AuditJenisEnum, required: false }),
      aktorId: t.arg.string({ required: false, ...safe }),
      subjekId: t.arg.string({ required: false, ...safe }),
    },
    resolve: (query, _r, args, ctx) => service.listAuditLog(ctx, query, args),
  }),
  aksesDataSaya: t.prismaConnection({
    type: AksesRef,
    cursor: "id",
    description: "Who looked at my data: every read of my personal data by someone else, newest first",
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) => service.myDataReads(ctx, query),
  }),
}));
