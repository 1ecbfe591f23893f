import { builder } from "../../schema/builder";
import { secret } from "../../schema/sensitivity";
import { InvalidStateError, ValidationError } from "../../lib/errors";
import { JENIS, KANAL } from "./rules";
import * as service from "./service";

export const KanalNotifikasi = builder.enumType("KanalNotifikasi", { values: KANAL, description: "A channel notices reach a person by" });
export const KanalTelepon = builder.enumType("KanalTelepon", {
  values: ["WHATSAPP", "SMS"] as const,
  description: "A channel that needs a verified phone number",
});
export const JenisPemberitahuan = builder.enumType("JenisPemberitahuan", {
  values: JENIS,
  description: "Kinds of notice: status changes of a request, replies to a complaint, PPID deadlines, visit reminders",
});

const PilihanKanalRef = builder.objectRef<service.PilihanView>("PilihanKanal").implement({
  description: "Whether one kind of notice goes to one channel",
  fields: (t) => ({
    jenis: t.field({ type: JenisPemberitahuan, resolve: (p) => p.jenis }),
    kanal: t.field({ type: KanalNotifikasi, resolve: (p) => p.kanal }),
    aktif: t.exposeBoolean("aktif"),
  }),
});

const PengaturanRef = builder.objectRef<service.PengaturanNotifikasi>("PengaturanNotifikasi").implement({
  description: "My notice channels: which this office offers, my phone number's verification, my choices",
  fields: (t) => ({
    kanalTersedia: t.field({ type: [KanalNotifikasi], resolve: (p) => p.kanalTersedia }),
    telepon: t.exposeString("telepon"),
    teleponTerverifikasi: t.exposeBoolean("teleponTerverifikasi"),
    pilihan: t.field({ type: [PilihanKanalRef], resolve: (p) => p.pilihan }),
  }),
});

const KodeTerkirimRef = builder.objectRef<{ tujuan: string; berlakuSampai: Date }>("KodeTeleponTerkirim").implement({
  fields: (t) => ({
    tujuan: t.exposeString("tujuan", { description: "The number the code goes to, masked" }),
    berlakuSampai: t.expose("berlakuSampai", { type: "DateTime" }),
  }),
});

/** a person's own settings (policy.ts): signed in; an API client is never `authenticated` */
const own = { authenticated: true } as const;

builder.queryFields((t) => ({
  pengaturanNotifikasi: t.field({
    type: PengaturanRef,
    authScopes: own,
    description: "My notice channels",
    resolve: (_r, _a, ctx) => service.pengaturan(ctx),
  }),
}));

builder.mutationFields((t) => ({
  aturKanalNotifikasi: t.field({
    type: PengaturanRef,
    authScopes: own,
    description: "Turn one channel on or off for one kind of notice",
    errors: { types: [InvalidStateError] },
    args: {
      jenis: t.arg({ type: JenisPemberitahuan, required: true }),
      kanal: t.arg({ type: KanalNotifikasi, required: true }),
      aktif: t.arg.boolean({ required: true }),
    },
    resolve: (_r, args, ctx) => service.aturKanal(ctx, args.jenis, args.kanal, args.aktif),
  }),
  hentikanKanalNotifikasi: t.field({
    type: PengaturanRef,
    authScopes: own,
    description: "Stop a channel for every kind of notice",
    args: { kanal: t.arg({ type: KanalNotifikasi, required: true }) },
    resolve: (_r, args, ctx) => service.hentikanKanal(ctx, args.kanal),
  }),
  berhentiKanalNotifikasi: t.field({
    type: KanalNotifikasi,
    description: "The stop link in a WhatsApp or SMS message: stops that channel for its account (no sign-in needed)",
    errors: { types: [ValidationError] },
    args: { token: t.arg.string({ required: true, ...secret }) },
    resolve: (_r, args, ctx) => service.berhentiDenganTautan(ctx, args.token),
  }),
  kirimKodeTelepon: t.field({
    type: KodeTerkirimRef,
    authScopes: own,
    description: "Send a one-time code to my phone number by WhatsApp or SMS",
    errors: { types: [InvalidStateError] },
    args: { kanal: t.arg({ type: KanalTelepon, required: true }) },
    resolve: (_r, args, ctx) => service.kirimKode(ctx, args.kanal),
  }),
  verifikasiTelepon: t.field({
    type: PengaturanRef,
    authScopes: own,
    description: "Prove my phone number with the one-time code",
    errors: { types: [ValidationError, InvalidStateError] },
    args: { kode: t.arg.string({ required: true, ...secret }) },
    resolve: (_r, args, ctx) => service.verifikasiKode(ctx, args.kode),
  }),
}));
