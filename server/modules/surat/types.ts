import type { SuratStatus } from "../../generated/prisma/enums";
import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import type { Context } from "../../context";
import { ANY } from "../../policy";
import { InstansiRef } from "../instansi/types";
import { dapatDibatalkan } from "./policy";
import * as service from "./register-service";

export const LingkupNomorSuratEnum = builder.enumType("LingkupNomorSurat", {
  description: "How the running number of letters counts within a year",
  values: {
    PER_KODE: { description: "One sequence per classification code (the pattern must carry {kode})" },
    BERSAMA: { description: "One sequence shared by every classification code" },
  } as const,
});

export const SuratStatusEnum = builder.enumType("SuratStatus", {
  values: {
    MENUNGGU_TTD: { description: "Generated and numbered, waiting for the signing official" },
    DIKEMBALIKAN: { description: "Returned by the signing official with a note; generated again it keeps its number" },
    TERBIT: { description: "Issued (signed, when it was generated in Loket)" },
    DIBATALKAN: { description: "Voided: the number stays in the register with the reason and is never reused" },
  } as const,
});

export const SuratRef = builder.prismaNode("Surat", {
  id: { field: "id" },
  description: "An official letter in an office's register (staff of the instansi)",
  authScopes: (s) => ({ can: { action: "surat:lihat", on: s } }),
  fields: (t) => ({
    nomor: t.exposeString("nomor"),
    kodeKlasifikasi: t.exposeString("kodeKlasifikasi"),
    urutan: t.exposeInt("urutan", { description: "The running number within its year (and code, when each code counts on its own)" }),
    tahun: t.exposeInt("tahun"),
    tanggal: t.expose("tanggal", { type: "Date", description: "The letter's date in the office's zone" }),
    status: t.expose("status", { type: SuratStatusEnum }),
    alasanBatal: t.exposeString("alasanBatal", { nullable: true }),
    dibatalkanAt: t.expose("dibatalkanAt", { type: "DateTime", nullable: true }),
    dibatalkanOlehNama: t.string({
      nullable: true,
      select: { dibatalkanOleh: { select: { namaLengkap: true } } },
      resolve: (s) => s.dibatalkanOleh?.namaLengkap ?? null,
    }),
    kodeVerifikasi: t.exposeString("kodeVerifikasi", { description: "Printed under the QR code; /verifikasi/<kode> finds the letter" }),
    dapatDibatalkan: t.boolean({ description: "May the viewer void this letter now", resolve: (s, _a, ctx) => dapatDibatalkan(ctx, s) }),
    instansi: t.relation("instansi"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

type Pola = service.PolaBerlaku & { instansiId: string };
const PolaRef = builder.objectRef<Pola>("PolaNomorSurat").implement({
  description: "An office's letter-number pattern (its admins)",
  fields: (t) => ({
    pola: t.exposeString("pola", {
      description: "Tokens: {nomor} (or {nomor:3}, zero-padded), {kode}, {bulan} (or {bulan:2}), {bulan_romawi}, {tahun}",
    }),
    lingkup: t.expose("lingkup", { type: LingkupNomorSuratEnum }),
    bawaan: t.exposeBoolean("bawaan", { description: "True while the admin has set none: the default pattern applies" }),
    diubahAt: t.expose("diubahAt", { type: "DateTime", nullable: true }),
  }),
});

type InstansiArg = { instansiId?: { id: string } | null };
type RegisterArgs = InstansiArg & { tahun?: number | null; status?: SuratStatus | null };
const register = (ctx: Context, a: RegisterArgs): service.RegisterFilter => ({
  instansiId: service.registerInstansiId(ctx, a.instansiId?.id),
  tahun: a.tahun,
  status: a.status,
});
/** The instansi asked for, else the caller's own; the desk is checked against it. */
const scope = (action: "surat:lihatRegister" | "surat:kelolaPola", a: InstansiArg, ctx: Context) => ({
  can: { action, on: { instansiId: service.registerInstansiId(ctx, a.instansiId?.id) } },
});

builder.queryFields((t) => ({
  registerSurat: t.prismaConnection({
    type: "Surat",
    cursor: "id",
    description: "The register of letters of an instansi, in the order they were issued (its staff)",
    authScopes: (_r, a, ctx) => scope("surat:lihatRegister", a, ctx),
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      tahun: t.arg.int({ required: false }),
      status: t.arg({ type: SuratStatusEnum, required: false }),
    },
    totalCount: (_p, a, ctx) => service.hitungRegisterSurat(ctx, register(ctx, a)),
    resolve: (query, _r, a, ctx) => service.registerSurat(ctx, query, register(ctx, a)),
  }),
  registerSuratCsv: t.string({
    description: "The register of letters as CSV (UTF-8, comma-separated; cells that would start a formula are quoted with ')",
    authScopes: (_r, a, ctx) => scope("surat:lihatRegister", a, ctx),
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      tahun: t.arg.int({ required: false }),
      status: t.arg({ type: SuratStatusEnum, required: false }),
    },
    resolve: (_r, a, ctx) => service.registerSuratCsv(ctx, register(ctx, a)),
  }),
  polaNomorSurat: t.field({
    type: PolaRef,
    description: "The office's letter-number pattern (its admins)",
    authScopes: (_r, a, ctx) => scope("surat:kelolaPola", a, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    resolve: (_r, a, ctx) => service.polaNomor(ctx, service.registerInstansiId(ctx, a.instansiId?.id)),
  }),
  pratinjauNomorSurat: t.string({
    description:
      "The number the next letter would get now, without taking it. With `pola` (and `lingkup`): for a pattern being edited (admins); else the office's pattern (its staff).",
    errors: { types: [ValidationError, NotFoundError] },
    authScopes: (_r, a, ctx) => scope(a.pola != null ? "surat:kelolaPola" : "surat:lihatRegister", a, ctx),
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      kodeKlasifikasi: t.arg.string({ required: false, ...safe }),
      pola: t.arg.string({ required: false, ...safe }),
      lingkup: t.arg({ type: LingkupNomorSuratEnum, required: false }),
    },
    resolve: (_r, a, ctx) =>
      service.pratinjauNomor(ctx, {
        instansiId: service.registerInstansiId(ctx, a.instansiId?.id),
        kodeKlasifikasi: a.kodeKlasifikasi,
        pola: a.pola,
        lingkup: a.lingkup,
      }),
  }),
}));

builder.mutationFields((t) => ({
  aturPolaNomorSurat: t.field({
    type: PolaRef,
    description: "Set the office's letter-number pattern and how its sequence counts (its admins)",
    errors: { types: [ValidationError, NotFoundError] },
    authScopes: (_r, a, ctx) => scope("surat:kelolaPola", a, ctx),
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      pola: t.arg.string({ required: true, ...safe }),
      lingkup: t.arg({ type: LingkupNomorSuratEnum, required: true }),
    },
    resolve: (_r, a, ctx) => service.aturPola(ctx, { instansiId: service.registerInstansiId(ctx, a.instansiId?.id), pola: a.pola, lingkup: a.lingkup }),
  }),
  batalkanSurat: t.prismaField({
    type: "Surat",
    description: "Void a letter: it keeps its number, marked DIBATALKAN with the reason; the number is never reused (admins)",
    errors: { types: [ValidationError, InvalidStateError, NotFoundError, ConflictError] },
    authScopes: { can: { action: "surat:batalkan", on: ANY } },
    args: { id: t.arg.globalID({ required: true, for: SuratRef }), alasan: t.arg.string({ required: true, ...safe }) },
    resolve: async (query, _r, a, ctx) => service.suratById(ctx, query, (await service.batalkan(ctx, { id: String(a.id.id), alasan: a.alasan })).id),
  }),
}));
