import { builder } from "../../schema/builder";
import { safe, secret, identifier } from "../../schema/sensitivity";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { catchingUp, follow } from "../../pubsub";
import { ANY, can } from "../../policy";
import { InstansiRef } from "../instansi/types";
import { PengajuanRef } from "../pengajuan/types";
import { TtdError } from "./pades";
import { SuratRef } from "./types";
import * as letters from "./letter-service";

/**
 * The letter workflow's API (letter-service.ts): the officer makes a request's letter and sends it to an official,
 * the official reads, signs or returns it from a live queue, the admins name the officials.
 */

builder.prismaObjectFields("Surat", (t) => ({
  templateVersi: t.int({
    nullable: true,
    description: "The version of the service's template the letter was drawn from (null: a number issued without a letter)",
    select: { template: { select: { versi: true } } },
    resolve: (s) => s.template?.versi ?? null,
  }),
  penandatanganNama: t.exposeString("penandatanganNama", { nullable: true }),
  penandatanganJabatan: t.exposeString("penandatanganJabatan", { nullable: true }),
  ditandatanganiAt: t.expose("ditandatanganiAt", { type: "DateTime", nullable: true }),
  catatanKembali: t.exposeString("catatanKembali", { nullable: true, description: "The official's note when returning it (staff only)" }),
  dikembalikanAt: t.expose("dikembalikanAt", { type: "DateTime", nullable: true }),
  unduhUrl: t.string({
    nullable: true,
    description: "The letter's PDF (/unduh/surat/<id>): as generated while it waits, signed once issued",
    select: { fileId: true },
    resolve: (s) => (s.fileId ? `/unduh/surat/${s.id}` : null),
  }),
  layananNama: t.string({
    nullable: true,
    select: { pengajuan: { select: { layanan: { select: { nama: true } } } } },
    resolve: (s) => s.pengajuan?.layanan.nama ?? null,
  }),
  nomorRegistrasi: t.string({
    nullable: true,
    select: { pengajuan: { select: { nomorRegistrasi: true } } },
    resolve: (s) => s.pengajuan?.nomorRegistrasi ?? null,
  }),
  pengajuanId: t.id({
    nullable: true,
    description: "The request's global id (its page), for staff who may open it",
    resolve: (s) => (s.pengajuanId ? encodeGlobalID("Pengajuan", s.pengajuanId) : null),
  }),
  dapatDitandatangani: t.boolean({
    description: "Is this letter waiting for the viewer's signature",
    resolve: (s, _a, ctx) => s.status === "MENUNGGU_TTD" && s.penandatanganId === ctx.viewer?.id && can(ctx, "surat:tandatangani", s),
  }),
}));

builder.prismaObjectField("Pengajuan", "suratHasil", (t) =>
  t.prismaField({
    type: "Surat",
    nullable: true,
    description: "The request's newest letter made in Loket (staff of its instansi; null for the applicant and when none)",
    select: { id: true, instansiId: true, pemohonId: true },
    resolve: (query, p, _a, ctx) =>
      can(ctx, "surat:lihat", p) && can(ctx, "pengajuan:lihatInternal", p)
        ? ctx.prisma.surat.findFirst({ ...query, where: { pengajuanId: p.id, templateId: { not: null } }, orderBy: { createdAt: "desc" } })
        : null,
  }),
);

builder.prismaObjectField("User", "penandatangan", (t) =>
  t.boolean({
    description: "Is this account an active signing official of its instansi (its menu shows the signing queue)",
    select: { pejabatPenandatangan: { select: { aktif: true } } },
    resolve: (u) => !!u.pejabatPenandatangan?.aktif,
  }),
);

builder.prismaObjectField("Layanan", "kodeKlasifikasiSurat", (t) =>
  t.string({
    description: "The classification code its letters are numbered with by default (the newest template's; '' when none)",
    select: { templateSurat: { orderBy: { versi: "desc" }, take: 1, select: { kodeKlasifikasi: true } } },
    resolve: (l) => l.templateSurat[0]?.kodeKlasifikasi ?? "",
  }),
);

builder.prismaObjectField("Layanan", "adaTemplateSurat", (t) =>
  t.boolean({
    description: "Does the service have a result-letter template (its requests' letters are made in Loket)",
    select: { _count: { select: { templateSurat: true } } },
    resolve: (l) => l._count.templateSurat > 0,
  }),
);

const PejabatRef = builder.prismaObject("PejabatPenandatangan", {
  description: "A signing official of an instansi (pejabat penandatangan)",
  fields: (t) => ({
    userId: t.string({ resolve: (p) => encodeGlobalID("User", p.userId) }),
    nama: t.string({ select: { user: { select: { namaLengkap: true } } }, resolve: (p) => p.user.namaLengkap }),
    jabatan: t.exposeString("jabatan"),
    nipMasked: t.exposeString("nipMasked", { description: "The NIP, masked (it is printed whole only on the letters)" }),
    adaIdRemote: t.boolean({ description: "Is an id at the remote signing service set (else the NIP is used)", resolve: (p) => !!p.idRemoteCipher }),
    aktif: t.exposeBoolean("aktif"),
  }),
});

builder.queryFields((t) => ({
  antrianTtd: t.prismaField({
    type: ["Surat"],
    description: "The letters waiting for the viewer's signature, oldest first (empty for anyone who is not a signing official)",
    authScopes: { active: true },
    resolve: (query, _r, _a, ctx) => letters.antrianTtd(ctx, query),
  }),
  pejabatPenandatangan: t.prismaField({
    type: ["PejabatPenandatangan"],
    description: "The active signing officials of an instansi (its staff)",
    authScopes: (_r, a, ctx) => ({ can: { action: "surat:lihatPejabat", on: { instansiId: String(a.instansiId?.id ?? ctx.viewer?.instansiId ?? "") } } }),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    resolve: (_q, _r, a, ctx) => letters.daftarPejabat(ctx, String(a.instansiId?.id ?? ctx.viewer?.instansiId ?? "")),
  }),
}));

const suratOf = (ctx: Parameters<typeof letters.antrianTtd>[0], query: object, id: string) => ctx.prisma.surat.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationFields((t) => ({
  buatSurat: t.prismaField({
    type: "Surat",
    description:
      "Make a request's result letter from its service's newest template, number it, and send it to a signing official (AJUKAN_TTD; the service desk). A letter the official returned is made again under its own number.",
    errors: { types: [ValidationError, InvalidStateError, NotFoundError, ConflictError] },
    authScopes: { can: { action: "surat:buat", on: ANY } },
    args: {
      pengajuanId: t.arg.globalID({ required: true, for: PengajuanRef }),
      versi: t.arg.int({ required: true }),
      penandatanganId: t.arg.globalID({ required: false, description: "The official (a User id); may be left out when the office has one" }),
      kodeKlasifikasi: t.arg.string({ required: false, ...safe }),
    },
    resolve: async (query, _r, a, ctx) => {
      const r = await letters.buatSurat(ctx, {
        pengajuanId: String(a.pengajuanId.id),
        versi: a.versi,
        penandatanganId: a.penandatanganId ? String(a.penandatanganId.id) : null,
        kodeKlasifikasi: a.kodeKlasifikasi,
      });
      return suratOf(ctx, query, r.suratId);
    },
  }),
  tandatanganiSurat: t.prismaField({
    type: "Surat",
    description:
      "Sign a letter waiting for the viewer's signature (PAdES, the office's way) and deliver it: the request's result, SELESAI (SIAP_DIAMBIL for pickup). The passphrase unlocks the key for this signature only and is never stored.",
    errors: { types: [TtdError, ValidationError, InvalidStateError, NotFoundError, ConflictError] },
    authScopes: { can: { action: "surat:tandatangani", on: ANY } },
    args: { id: t.arg.globalID({ required: true, for: SuratRef }), passphrase: t.arg.string({ required: true, ...secret }) },
    resolve: async (query, _r, a, ctx) =>
      suratOf(ctx, query, (await letters.tandatanganiSurat(ctx, { id: String(a.id.id), passphrase: a.passphrase })).suratId),
  }),
  kembalikanSurat: t.prismaField({
    type: "Surat",
    description: "Return a letter waiting for the viewer's signature to the officers, with a note of what to change (the request goes back to DIPROSES)",
    errors: { types: [ValidationError, InvalidStateError, NotFoundError, ConflictError] },
    authScopes: { can: { action: "surat:tandatangani", on: ANY } },
    args: { id: t.arg.globalID({ required: true, for: SuratRef }), catatan: t.arg.string({ required: true, ...safe }) },
    resolve: async (query, _r, a, ctx) => suratOf(ctx, query, (await letters.kembalikanSurat(ctx, { id: String(a.id.id), catatan: a.catatan })).suratId),
  }),
  aturPejabatPenandatangan: t.prismaField({
    type: "PejabatPenandatangan",
    description: "Name a staff account a signing official, with the position and NIP printed on letters, or end it (aktif: false) (the office's admins)",
    errors: { types: [ValidationError, NotFoundError] },
    authScopes: { can: { action: "surat:kelolaPejabat", on: ANY } },
    args: {
      userId: t.arg.globalID({ required: true }),
      jabatan: t.arg.string({ required: true, ...safe }),
      nip: t.arg.string({ required: false, ...identifier }),
      idRemote: t.arg.string({ required: false, ...identifier }),
      aktif: t.arg.boolean({ required: false, defaultValue: true }),
    },
    resolve: (_q, _r, a, ctx) =>
      letters.aturPejabat(ctx, { userId: String(a.userId.id), jabatan: a.jabatan, nip: a.nip, idRemote: a.idRemote, aktif: a.aktif ?? true }),
  }),
}));

builder.subscriptionFields((t) => ({
  antrianTtdBerubah: t.prismaField({
    type: ["Surat"],
    description: "The viewer's signing queue, again each time a letter is sent to them, signed or returned",
    authScopes: { active: true },
    subscribe: (_r, _a, ctx) =>
      catchingUp(
        follow(ctx.pubsub, "surat:ttd", ctx.viewer!.id),
        // after an outage: one re-read of the queue covers whatever was missed
        async () => [{ suratId: "", status: "RESYNC" }],
        (e) => `${e.suratId}:${e.status}:${Date.now()}:${Math.random()}`,
      ),
    resolve: (query, _e, _a, ctx) => letters.antrianTtd(ctx, query),
  }),
}));

void PejabatRef;
