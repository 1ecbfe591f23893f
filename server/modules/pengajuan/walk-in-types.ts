import { builder } from "../../schema/builder";
import { identifier, personal } from "../../schema/sensitivity";
import { AccountStatus } from "../../schema/enums";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY } from "../../policy";
import { LayananRef } from "../layanan/types";
import { DokumenUploadInput, PengajuanLogRef, PengajuanRef, PengirimanEnum } from "./types";
import * as queries from "./queries";
import * as walkIn from "./walk-in";

// Walk-ins at the counter (walk-in.ts): the officer's lookup and the counter's own draft, upload and submit.

builder.prismaObjectField(PengajuanRef, "diLoket", (t) =>
  t.exposeBoolean("diLoket", { description: "Started by a counter officer for a person at the counter (the history names the officer of each step)" }),
);
builder.prismaObjectField(PengajuanLogRef, "diLoket", (t) =>
  t.exposeBoolean("diLoket", { description: "Done at the counter by the officer named in `aktor`, for the person standing there" }),
);

const PemohonLoketRef = builder.objectRef<walkIn.PemohonLoket>("PemohonLoket").implement({
  description: "The person with a NIK as the counter officer sees them: enough to confirm who is standing there (name, masked NIK)",
  fields: (t) => ({
    ditemukan: t.exposeBoolean("ditemukan", { description: "An account, or the record of an earlier counter visit, has this NIK" }),
    nama: t.exposeString("nama", { nullable: true }),
    nomorIdentitasMasked: t.exposeString("nomorIdentitasMasked"),
    status: t.expose("status", { type: AccountStatus, nullable: true, description: "TAMU: recorded at the counter, no account" }),
    tamu: t.exposeBoolean("tamu", { description: "A record of an earlier counter visit, not an account" }),
    dapatDilayani: t.exposeBoolean("dapatDilayani", { description: "A case may be started at the counter for this person" }),
    alasan: t.exposeString("alasan", { nullable: true, description: "Why not (a suspended or refused account, a staff account)" }),
  }),
});

const loketErrors = { types: [ValidationError, ConflictError, InvalidStateError, NotFoundError] };
const counter = { can: { action: "pengajuan:layaniDiLoket", on: ANY } } as const;

builder.mutationFields((t) => ({
  cariPemohonLoket: t.field({
    type: PemohonLoketRef,
    description: "Counter: who has this NIK (name and masked NIK to confirm; never the full number). A mutation so that every lookup is in the audit trail",
    authScopes: counter,
    errors: loketErrors,
    args: { nik: t.arg.string({ required: true, ...identifier }) },
    resolve: (_r, args, ctx) => walkIn.cariPemohon(ctx, { nik: args.nik }),
  }),
  mulaiPengajuanLoket: t.prismaField({
    type: "Pengajuan",
    description:
      "Counter: start a draft for the person with this NIK (their account, or a counter record made from namaLengkap and telepon when they have none)",
    authScopes: counter,
    errors: loketErrors,
    args: {
      layananId: t.arg.globalID({ required: true, for: LayananRef }),
      nik: t.arg.string({ required: true, ...identifier }),
      namaLengkap: t.arg.string({ required: false, ...personal }),
      telepon: t.arg.string({ required: false, ...personal }),
      pemohonSetuju: t.arg.boolean({
        required: false,
        description: "For a person without an account: they agreed at the counter to the current terms and privacy policy (recorded as their consent)",
      }),
      pengiriman: t.arg({ type: PengirimanEnum, required: false }),
    },
    resolve: async (query, _r, args, ctx) => queries.reload(ctx, query, await walkIn.mulai(ctx, { ...args, layananId: String(args.layananId.id) })),
  }),
  simpanPengajuanLoket: t.prismaField({
    type: "Pengajuan",
    description: "Counter: save the form values (only the fields sent) or the delivery option of a counter case, checked as updatePengajuan checks them",
    authScopes: counter,
    errors: loketErrors,
    args: {
      id: t.arg.globalID({ required: true, for: PengajuanRef }),
      versi: t.arg.int({ required: true }),
      formData: t.arg({ type: "JSON", required: false }),
      pengiriman: t.arg({ type: PengirimanEnum, required: false }),
    },
    resolve: async (query, _r, args, ctx) =>
      queries.reload(
        ctx,
        query,
        await walkIn.simpan(ctx, {
          id: String(args.id.id),
          versi: args.versi,
          formData: (args.formData as Record<string, unknown> | null) ?? null,
          pengiriman: args.pengiriman,
        }),
      ),
  }),
  unggahDokumenLoket: t.prismaField({
    type: "Pengajuan",
    description: "Counter: upload the person's scanned documents into requirement slots of a counter case (multipart), as uploadDokumenPengajuan",
    authScopes: counter,
    errors: loketErrors,
    args: {
      id: t.arg.globalID({ required: true, for: PengajuanRef }),
      versi: t.arg.int({ required: true }),
      berkas: t.arg({ type: [DokumenUploadInput], required: true }),
    },
    resolve: async (query, _r, args, ctx) =>
      queries.reload(
        ctx,
        query,
        await walkIn.unggah(ctx, {
          id: String(args.id.id),
          versi: args.versi,
          berkas: args.berkas.map((b) => ({ persyaratanId: String(b.persyaratanId.id), file: b.file as never })),
        }),
      ),
  }),
  ajukanPengajuanLoket: t.prismaField({
    type: "Pengajuan",
    description: "Counter: submit a counter case for its applicant (AJUKAN, with the same checks, registration number and proof as on the web)",
    authScopes: counter,
    errors: loketErrors,
    args: { id: t.arg.globalID({ required: true, for: PengajuanRef }), versi: t.arg.int({ required: true }) },
    resolve: async (query, _r, args, ctx) => queries.reload(ctx, query, await walkIn.ajukan(ctx, { id: String(args.id.id), versi: args.versi })),
  }),
}));
