import { NotFoundError } from "../../lib/errors";
import { builder } from "../../schema/builder";
import { ErrorInterface } from "../../schema/errors";
import { safe, secret } from "../../schema/sensitivity";
import { InstansiRef } from "../instansi/types";
import { TtdError } from "./pades";
import type * as settings from "./signing-settings";

// the service brings node-forge, pdf-lib and @signpdf: loaded on first use, not at start (tests/process/npm-start)
const service = () => import("./signing-settings");

/**
 * The office's electronic-signature settings for its admins: upload/replace the PKCS#12 and read its certificate
 * (never the key), set the remote signing service, choose the way. Authorisation: `instansi:kelola` (the office's
 * admins, SUPERADMIN), as for the office's other settings.
 */
builder.objectType(TtdError, {
  name: "TandaTanganError",
  description: "Electronic signing refused: a certificate that does not fit, a wrong passphrase, a signing service that failed.",
  interfaces: [ErrorInterface] as never,
  isTypeOf: (value) => value instanceof TtdError,
});

const MetodeTtd = builder.enumType("MetodeTtd", {
  description: "How an office signs: its own PKCS#12, or a remote signing service (BSrE-style)",
  values: ["P12", "REMOTE"] as const,
});

const SertifikatTtd = builder.objectRef<NonNullable<settings.RingkasanTtd["sertifikat"]>>("SertifikatTtd").implement({
  description: "The certificate of the office's PKCS#12 (its key is never readable)",
  fields: (t) => ({
    subjek: t.exposeString("subjek"),
    penerbit: t.exposeString("penerbit"),
    nomorSeri: t.exposeString("nomorSeri"),
    berlakuMulai: t.expose("berlakuMulai", { type: "DateTime" }),
    berlakuSampai: t.expose("berlakuSampai", { type: "DateTime" }),
    sidikJari: t.exposeString("sidikJari", { description: "SHA-256 of the certificate, hex" }),
  }),
});

const LayananTtdRemote = builder.objectRef<NonNullable<settings.RingkasanTtd["remote"]>>("LayananTtdRemote").implement({
  description: "The remote signing service's address and client id (the secret is never readable)",
  fields: (t) => ({
    url: t.exposeString("url"),
    clientId: t.exposeString("clientId"),
    adaClientSecret: t.exposeBoolean("adaClientSecret"),
  }),
});

const AkarTtd = builder.objectRef<settings.RingkasanTtd["akar"][number]>("AkarTtd").implement({
  description: "A CA certificate the office trusts for its signed letters on the verification page",
  fields: (t) => ({
    subjek: t.exposeString("subjek"),
    penerbit: t.exposeString("penerbit"),
    sidikJari: t.exposeString("sidikJari", { description: "SHA-256 of the certificate, hex" }),
    berlakuMulai: t.expose("berlakuMulai", { type: "DateTime" }),
    berlakuSampai: t.expose("berlakuSampai", { type: "DateTime" }),
    pem: t.exposeString("pem"),
  }),
});

const PengaturanTtd = builder.objectRef<settings.RingkasanTtd>("PengaturanTtd").implement({
  description: "An office's electronic-signature settings",
  fields: (t) => ({
    metode: t.field({ type: MetodeTtd, nullable: true, description: "null until set up", resolve: (p) => p.metode }),
    sertifikat: t.field({ type: SertifikatTtd, nullable: true, resolve: (p) => p.sertifikat }),
    remote: t.field({ type: LayananTtdRemote, nullable: true, resolve: (p) => p.remote }),
    akar: t.field({
      type: [AkarTtd],
      description:
        "The CA certificates a signed letter's chain must reach on the verification page (aturAkarTtd). Uploading the PKCS#12 does not set them: until an admin does, every signature is shown as not from a trusted authority.",
      resolve: (p) => p.akar,
    }),
    tsaUrl: t.string({
      nullable: true,
      resolve: (p) => p.tsaUrl ?? null,
      description:
        "The RFC 3161 timestamp authority every signature gets a timestamp from (PAdES B-T); signing fails while it does not answer. null: no timestamp (PAdES B-B)",
    }),
  }),
});

const kelola = (instansiId: string) => ({ can: { action: "instansi:kelola" as const, on: { instansiId } } });

builder.queryFields((t) => ({
  pengaturanTtd: t.field({
    type: PengaturanTtd,
    description: "The office's electronic-signature settings (admins of the office)",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }) },
    resolve: async (_r, args, ctx) => (await service()).ringkasanTtd(ctx, String(args.instansiId.id)),
  }),
}));

builder.mutationFields((t) => ({
  unggahSertifikatTtd: t.field({
    type: PengaturanTtd,
    description:
      "Upload or replace the office's PKCS#12 (.p12/.pfx, multipart). The passphrase is used only to check the file and is never stored; signing officials type it for each signature.",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    errors: { types: [TtdError, NotFoundError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      berkas: t.arg({ type: "File", required: true }),
      passphrase: t.arg.string({ required: true, ...secret }),
    },
    resolve: async (_r, args, ctx) =>
      (await service()).simpanSertifikatP12(ctx, String(args.instansiId.id), Buffer.from(await args.berkas.arrayBuffer()), args.passphrase, new Date()),
  }),
  aturLayananTtdRemote: t.field({
    type: PengaturanTtd,
    description: "Set the remote signing service (URL and client credentials); an empty clientSecret keeps the stored one",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    errors: { types: [TtdError, NotFoundError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      url: t.arg.string({ required: true, ...safe }),
      clientId: t.arg.string({ required: true, ...safe }),
      clientSecret: t.arg.string({ required: false, ...secret }),
    },
    resolve: async (_r, args, ctx) => (await service()).simpanLayananRemote(ctx, String(args.instansiId.id), args),
  }),
  aturAkarTtd: t.field({
    type: PengaturanTtd,
    description:
      "Set the CA certificates (PEM, one or more CERTIFICATE blocks, each a CA) that signed letters' chains must reach on the verification page; an empty text clears them",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    errors: { types: [TtdError, NotFoundError] },
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), pem: t.arg.string({ required: true, ...safe }) },
    resolve: async (_r, args, ctx) => (await service()).aturAkarTtd(ctx, String(args.instansiId.id), args.pem),
  }),
  aturTsaTtd: t.field({
    type: PengaturanTtd,
    description:
      "Set the RFC 3161 timestamp authority (an http(s) URL) whose timestamp every signature of the office carries (PAdES B-T); an empty or null url clears it",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    errors: { types: [TtdError, NotFoundError] },
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), url: t.arg.string({ required: false, ...safe }) },
    resolve: async (_r, args, ctx) => (await service()).aturTsaTtd(ctx, String(args.instansiId.id), args.url),
  }),
  pilihMetodeTtd: t.field({
    type: PengaturanTtd,
    description: "Choose how the office signs; the chosen way must be set up first",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    errors: { types: [TtdError] },
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), metode: t.arg({ type: MetodeTtd, required: true }) },
    resolve: async (_r, args, ctx) => (await service()).pilihMetodeTtd(ctx, String(args.instansiId.id), args.metode),
  }),
}));
